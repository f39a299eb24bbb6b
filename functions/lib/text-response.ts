/** Headers of non-JSON answers (calendar, CSV): never cached by a proxy, never sniffed. */
export const BASE_HEADERS_TEXT = { 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' } as const;
