// The console kit's entry form (platform-web, /console/kit/entry-form.js) with this panel's translations of the
// server's messages. Used by the station and area views.
import { entryForm as kitEntryForm } from '/console/kit/entry-form.js';
import { fieldMessage, problemMessage } from './messages.js';

export const entryForm = (ctx, spec) => kitEntryForm(ctx, { heading: 'h3', messages: { field: fieldMessage, problem: problemMessage }, ...spec });
