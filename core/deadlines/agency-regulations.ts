/**
 * Agencies' own FOIA regulations on the administrative appeal window. The statute sets a floor
 * (5 U.S.C. 552(a)(6)(A)(i)(III)(aa): "not less than 90 days after the date of such adverse
 * determination"); a regulation may give more, never less. Keyed by the names intake uses.
 */
export interface AppealRegulation {
  agency: string;
  unit: 'calendar' | 'working';
  days: number;
  citation: string;
  /** The regulation's text was checked; if not, the receipt says so and the statute's floor is the alternative. */
  verified: boolean;
  note?: string;
}

const DHS: AppealRegulation = {
  agency: 'Department of Homeland Security',
  unit: 'working',
  days: 90,
  citation: '6 C.F.R. 5.8(a)(1) (an appeal is timely if "postmarked or, in the case of electronic submissions, transmitted to the Appeals Officer within 90 working days after the date of the component\'s response")',
  verified: true,
  note: 'An electronic appeal is timely if transmitted by 11:59:59 p.m. Eastern Time on the 90th working day (6 C.F.R. 5.8(a)(1)).',
};

export const APPEAL_REGULATIONS: Record<string, AppealRegulation> = {
  DHS,
  ICE: { ...DHS, agency: 'U.S. Immigration and Customs Enforcement', note: `ICE is a DHS component: the DHS regulation governs its appeals. ${DHS.note}` },
  DOJ: {
    agency: 'Department of Justice',
    unit: 'calendar',
    days: 90,
    citation: '28 C.F.R. 16.8(a) (appeal postmarked or electronically transmitted within 90 days of the date of the response)',
    verified: false,
  },
  TREASURY: {
    agency: 'Department of the Treasury',
    unit: 'calendar',
    days: 90,
    citation: "31 C.F.R. part 1, subpart A (the Department of the Treasury's FOIA regulations, as revised effective March 29, 2019)",
    verified: false,
  },
  IRS: {
    agency: 'Internal Revenue Service',
    unit: 'calendar',
    days: 90,
    citation: '26 C.F.R. 601.702(c)(10) (administrative appeals)',
    verified: false,
    note: 'A published version of 26 C.F.R. 601.702(c)(10) allowed 35 days; since the FOIA Improvement Act of 2016 the statute requires at least 90, and a regulation cannot give less.',
  },
};

/** The regulation for an agency name as intake writes it ("IRS", "Treasury", "ice"), if known. */
export function appealRegulationFor(agency: string | undefined): AppealRegulation | undefined {
  return agency === undefined ? undefined : APPEAL_REGULATIONS[agency.trim().toUpperCase()];
}
