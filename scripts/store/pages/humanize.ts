/**
 * A step or field name as a heading: camelCase and dashes become words, first letter capitalised.
 *
 * humanize("paymentDetails") // → "Payment details"
 */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
