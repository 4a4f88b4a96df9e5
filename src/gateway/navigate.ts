/**
 * Performs a gateway-requested navigation (3-D Secure "jump"): a plain GET, or a POST through a
 * hidden form in the page's document, the way ACS pages expect to be reached.
 */
import type {RedirectDetail} from '../element/events.js';

export function navigate(redirect: RedirectDetail, doc: Document = document): void {
  if (redirect.method === 'GET') {
    doc.defaultView?.location.assign(redirect.url);
    return;
  }
  const form = doc.createElement('form');
  form.method = 'POST';
  form.action = redirect.url;
  form.hidden = true;
  for (const [name, value] of Object.entries(redirect.fields ?? {})) {
    const input = doc.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  doc.body.append(form);
  form.submit();
}
