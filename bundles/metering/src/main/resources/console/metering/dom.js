// Tiny DOM builder shared by the panel's views: h('button', {id: 'x', onclick: f}, 'text').
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// The problem+json body of a failed ctx.api call, or a stand-in when the network failed.
export function problemOf(error) {
  return error && error.problem ? error.problem : { status: 0, detail: error && error.message };
}
