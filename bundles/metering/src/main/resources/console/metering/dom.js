// The console kit's element builder (platform-web, /console/kit/dom.js), for this panel's views.
export { h, clear, problemOf } from '/console/kit/dom.js';
