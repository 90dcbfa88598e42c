/**
 * A tiny element builder for the review page: attributes via setAttribute, children as nodes or text.
 * Text is always a Text node, so policy and translation strings can never become markup.
 */
export type Child = Node | string | number | null | undefined | false;
export type Attributes = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Text with `{{email}}` turned into a mailto link. */
export function withEmail(text: string, email: string): Child[] {
  const parts = text.split('{{email}}');
  const nodes: Child[] = [];
  parts.forEach((part, i) => {
    if (i > 0) nodes.push(h('a', { href: `mailto:${email}` }, email));
    if (part) nodes.push(part);
  });
  return nodes;
}

/** A `<mark>` whose line breaks stay visible (an erratum that only adds or removes a newline). */
export function markText(text: string, className: string, title?: string): HTMLElement {
  const mark = h('mark', { class: className, title });
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) append(mark, [h('span', { class: 'newline', 'aria-label': 'line break' }, '⏎'), '\n']);
    if (line) append(mark, [line]);
  });
  if (text === '') append(mark, [h('span', { class: 'empty' }, '∅')]);
  return mark;
}
