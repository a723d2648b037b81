/**
 * Who answers for a dataset. It exists so access requests can be routed to a person before
 * falling back to topic champions: stewards a community names in datadesk for a dataset, and the
 * person whose email is the catalog's contact. Kept apart from CommunityDirectory, which knows
 * roles and topics but nothing about datasets or emails.
 */
export interface StewardDirectory {
  /** People named as stewards of this dataset in this community, in the order they were named. */
  stewardsOf(communityId: string, datasetId: string): Promise<string[]>;
  /**
   * The member of the community whose (verified) email is `email`, compared case-insensitively,
   * or null. Emails come from the platforms' profiles; they are never shown to anyone.
   */
  personIdByEmail(communityId: string, email: string): Promise<string | null>;
}
