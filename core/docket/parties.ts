/**
 * Whose paper an entry is: the filer's names read against the matter's parties. The government
 * sits on the defendants' side (Docketwatch's matters sue agencies); a filer the reader cannot
 * place is left undetermined, and the entry goes to a person for review.
 */
export type Side = 'plaintiffs' | 'defendants';
export type Placement = Side | 'both' | undefined;

export interface PartyNames {
  plaintiffs?: readonly string[];
  defendants?: readonly string[];
}

const GOVERNMENT = /\b(UNITED STATES|U\.S\.|USA|INTERNAL REVENUE SERVICE|IRS|DEPARTMENT|DEPT\.?|AGENCY|ADMINISTRATION|BUREAU|COMMISSIONER|SECRETARY|IMMIGRATION AND CUSTOMS ENFORCEMENT|ICE|DHS|HOMELAND SECURITY|TREASURY|FEDERAL DEFENDANTS?|GOVERNMENT|ATTORNEY GENERAL|OFFICE OF [A-Z]|in (?:his|her|their) official capacit(?:y|ies))\b/i;
/** Words of an organisation's name: a filer named only by a person's name is not placed by guess. */
const ORGANISATION = /\b(CENTER|CENTRE|ALLIANCE|ASSOCIATION|UNION|FEDERATION|COUNCIL|INSTITUTE|FOUNDATION|PROJECT|COALITION|WORKERS|EMPLOYEES|LEAGUE|COMMITTEE|INC|LLC|CORP|CORPORATION|ORGANI[SZ]ATION|NETWORK|FUND|SOCIETY|PARTNERSHIP|RIGHTS|CITIZENS|ACTION|DEMOCRACY|CHURCH|CITY|STATE|COUNTY)\b/i;
const NON_PARTY = /\b(amicus|amici|proposed intervenor|intervenor-?s?|movants?|non-?party|interested part(?:y|ies))\b/i;

export const opposite = (side: Side): Side => (side === 'plaintiffs' ? 'defendants' : 'plaintiffs');

/**
 * The side of a filer named in `names`. `caseName` ("CENTER FOR TAXPAYER RIGHTS et al v.
 * INTERNAL REVENUE SERVICE et al") names the first party on each side.
 */
export function sideOf(names: string | undefined, ctx: { usParty: boolean; parties?: PartyNames; caseName?: string }): Placement {
  if (!names) return undefined;
  const text = names.trim();
  if (!text) return undefined;
  if (/\b(joint|jointly|all parties|the parties|parties)\b/i.test(text) && !/\bparties in interest\b/i.test(text)) return 'both';
  if (NON_PARTY.test(text)) return undefined;
  const upper = text.toUpperCase();
  const listed = (list?: readonly string[]) => (list ?? []).some((n) => n.trim() && upper.includes(n.trim().toUpperCase()));
  const p = listed(ctx.parties?.plaintiffs);
  const d = listed(ctx.parties?.defendants);
  if (p !== d) return p ? 'plaintiffs' : 'defendants';
  const said = (re: RegExp) => re.test(text);
  const plaintiffWord = said(/\b(plaintiffs?|petitioners?)\b/i);
  const defendantWord = said(/\b(defendants?|respondents?)\b/i);
  if (plaintiffWord !== defendantWord) return plaintiffWord ? 'plaintiffs' : 'defendants';
  const caption = ctx.caseName ? splitCaption(ctx.caseName) : undefined;
  if (caption) {
    const first = (s: string) => s.split(/,/)[0]!.trim().toUpperCase();
    const inP = caption.plaintiff && upper.includes(first(caption.plaintiff));
    const inD = caption.defendant && upper.includes(first(caption.defendant));
    if (inP !== inD) return inP ? 'plaintiffs' : 'defendants';
  }
  const government = GOVERNMENT.test(text);
  if (ctx.usParty) {
    if (government) return 'defendants';
    // In a suit against the government alone, an organisation that is not the government is a plaintiff.
    if (ORGANISATION.test(text)) return 'plaintiffs';
  }
  return undefined;
}

function splitCaption(caseName: string): { plaintiff?: string; defendant?: string } | undefined {
  const m = /^(.*?)\s+v\.?\s+(.*)$/i.exec(caseName.replace(/\bet al\.?/gi, '').trim());
  return m ? { plaintiff: m[1]!.trim(), defendant: m[2]!.trim() } : undefined;
}
