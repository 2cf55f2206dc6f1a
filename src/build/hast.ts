import type { Element, ElementContent } from 'hast';

/** Small helpers the build's rehype steps share. */

export function isElement(node: ElementContent): node is Element {
  return node.type === 'element';
}

export function hasClass(node: Element, name: string): boolean {
  const value = node.properties['className'];
  return Array.isArray(value) && value.includes(name);
}

/** A node's text, all of it (a formula's TeX annotation included). */
export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}
