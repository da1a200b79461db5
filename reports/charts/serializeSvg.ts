import { escapeHtml } from "../escapeHtml.ts";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Serializes a rendered Plot element to markup with every attribute value and text node escaped.
 * linkedom's own serializer leaves `<`, `>` and `&` raw inside attribute values (legal HTML, but a
 * literal "&amp;" in a scenario name would then display as "&", and raw "<" in an aria-label
 * is one parser quirk away from markup), so the report does not depend on it. Comments are dropped.
 */
export function serializeSvg(node: Node): string {
  if (node.nodeType === TEXT_NODE) return escapeHtml(node.textContent ?? "");
  if (node.nodeType !== ELEMENT_NODE) return "";
  const element = node as Element;
  // localName keeps SVG's camel case (clipPath, linearGradient).
  const name = element.localName;
  const attributes = Array.from(element.attributes)
    .map((attribute) => ` ${attribute.name}="${escapeHtml(attribute.value)}"`)
    .join("");
  const children = Array.from(element.childNodes).map(serializeSvg).join("");
  return children.length === 0 ? `<${name}${attributes}/>` : `<${name}${attributes}>${children}</${name}>`;
}
