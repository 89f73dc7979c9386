import type { Contact, ContactWebhooks } from './contact.js';
import { definePrintedForm, maskSecret, maskWebhookUrl } from '../util/redaction.js';

/**
 * Makes the webhooks of a contact print masked (`SEC***`, `access_token=abc***`) in
 * `util.inspect`, `console.log` and `JSON.stringify`, while `contact.webhooks.dingtalk.secret`
 * still reads the real value. Returns the same contact.
 */
export function maskContactSecrets<C extends Contact<object>>(contact: C): C {
  const webhooks = contact.webhooks;
  if (webhooks !== undefined) {
    for (const kind of Object.keys(webhooks) as Array<keyof ContactWebhooks>) {
      const hook = webhooks[kind];
      if (hook !== undefined) definePrintedForm(hook, () => maskedHook(hook));
    }
  }
  return contact;
}

/**
 * A copy of a contact's (or an input's, or a patch's) webhooks with their secrets masked as a
 * printed contact shows them; a `null` (a patch clearing a webhook) stays `null`.
 */
export function maskedWebhooks(webhooks: unknown): unknown {
  if (typeof webhooks !== 'object' || webhooks === null) return webhooks;
  return Object.fromEntries(Object.entries(webhooks).map(([kind, hook]) => [kind, maskedHookValue(hook)]));
}

/** One webhook, masked; anything that is not a webhook object is returned as it is. */
export function maskedHookValue(hook: unknown): unknown {
  return typeof hook === 'object' && hook !== null && !Array.isArray(hook) ? maskedHook(hook) : hook;
}

function maskedHook(hook: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...hook };
  if (typeof out['url'] === 'string') out['url'] = maskWebhookUrl(out['url']);
  for (const key of ['secret', 'token'] as const) {
    if (typeof out[key] === 'string') out[key] = maskSecret(out[key]);
  }
  return out;
}
