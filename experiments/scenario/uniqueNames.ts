/** Pushes `invalid <path>[i].<key>: "<name>" (<key>s must be unique)` for every repeated name. */
export function uniqueNames(names: readonly string[], path: string, problems: string[], key = "name"): void {
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (seen.has(name)) problems.push(`invalid ${path}[${index}].${key}: ${JSON.stringify(name)} (${key}s must be unique)`);
    seen.add(name);
  });
}
