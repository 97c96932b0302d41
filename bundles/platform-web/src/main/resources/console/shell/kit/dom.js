// The console's element builder, for the shell and every module's panel (served at /console/kit/dom.js):
// h('button', { id: 'x', onclick: f, dataset: { order: '7' } }, 'text'). Text always goes in as text, never as HTML.
// An attribute the element has as a property (value, hidden, disabled, className) is set as the property.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name in element && name !== 'list' && name !== 'type' && name !== 'style') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function clear(element) {
  while (element.firstChild) element.firstChild.remove();
  return element;
}

// The problem+json body of a failed call (a panel's ctx.api rejects with { problem }), or a stand-in when the
// network failed.
export function problemOf(error) {
  return error && error.problem ? error.problem : { status: 0, detail: error && error.message };
}
