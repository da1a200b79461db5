/**
 * A request the store refuses, with the HTTP status to answer. Messages follow the house format
 * (`invalid quantity: 0 (must be an integer from 1 to 99)`), one per problem; routes send them as
 * JSON `{error, problems}` for the API and as an error page for browsers.
 */
export class StoreError extends Error {
  readonly status: number;
  readonly problems: readonly string[];
  constructor(status: number, problems: string | readonly string[]) {
    const list = typeof problems === "string" ? [problems] : problems;
    super(list.join("; "));
    this.name = "StoreError";
    this.status = status;
    this.problems = list;
  }
}
