/**
 * Update frequency as an ISO 8601 repeating duration (`R/P1D`), the form DCAT-US uses for
 * `accrualPeriodicity`. CKAN extras and Socrata custom fields say "monthly", "Annually",
 * or a vocabulary URI; mapping them here lets answers say "updated monthly" for every portal.
 * Anything that is not a fixed cadence ("irregular", "no updates", "as needed") is `null`.
 */
const cadenceByWord: Readonly<Record<string, string>> = {
  continuous: "R/PT1S",
  continuously: "R/PT1S",
  realtime: "R/PT1S",
  "real time": "R/PT1S",
  "real-time": "R/PT1S",
  hourly: "R/PT1H",
  daily: "R/P1D",
  day: "R/P1D",
  "every day": "R/P1D",
  weekly: "R/P1W",
  week: "R/P1W",
  biweekly: "R/P2W",
  "bi-weekly": "R/P2W",
  fortnightly: "R/P2W",
  monthly: "R/P1M",
  month: "R/P1M",
  bimonthly: "R/P2M",
  "bi-monthly": "R/P2M",
  quarterly: "R/P3M",
  semiannual: "R/P6M",
  semiannually: "R/P6M",
  "semi-annual": "R/P6M",
  "semi-annually": "R/P6M",
  biannual: "R/P6M",
  biannually: "R/P6M",
  annual: "R/P1Y",
  annually: "R/P1Y",
  yearly: "R/P1Y",
  year: "R/P1Y",
  biennial: "R/P2Y",
  biennially: "R/P2Y",
  decennial: "R/P10Y",
  // Vocabulary codes: Dublin Core Collection Description (purl.org/cld/freq) and EU authority tables.
  annual_2: "R/P6M",
  annual_3: "R/P4M",
  monthly_2: "R/P15D",
  weekly_2: "R/P3D",
  daily_2: "R/PT12H",
  quarterly_2: "R/P6W",
  cont: "R/PT1S",
};

const isoRepeatingDuration =
  /^R\/P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

export function toIsoPeriodicity(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (isoRepeatingDuration.test(trimmed.toUpperCase())) return trimmed.toUpperCase();
  // Vocabulary URIs end with the word: http://purl.org/cld/freq/monthly, …/frequency/MONTHLY.
  const lastSegment =
    trimmed
      .replace(/[/#]+$/, "")
      .split(/[/#]/)
      .pop() ?? trimmed;
  const word = lastSegment.toLowerCase().replace(/\s+/g, " ");
  return cadenceByWord[word] ?? null;
}
