// Work in progress: lands with its issue.
export const handler = async () => ({ statusCode: 501 });
