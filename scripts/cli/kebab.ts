/** A camelCase argument name as its command-line flag: `kebab("failFast")` → `"fail-fast"`. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
