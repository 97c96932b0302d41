// The console kit's entry form (platform-web, /console/kit/entry-form.js) with this panel's translations of the
// server's messages. Used by the new order form and the order's hand-over, suspend, resume and cancel forms.
import { entryForm as kitEntryForm } from '/console/kit/entry-form.js';

export { staleNotice } from '/console/kit/entry-form.js';
import { fieldMessage, problemMessage } from './messages.js';

export const entryForm = (ctx, spec) =>
  kitEntryForm(ctx, { messages: { field: fieldMessage, problem: problemMessage }, ...spec });
