/**
 * Where one channel of one contact stands, from what the vendor shows: its verification state
 * (CAM's flags, Resource Directory's targets waiting for confirmation, VMP's active email), its
 * status (a ChatApp number's, with Meta's quality rating), and a webhook test when one was made.
 */
import type { Contact, ContactField, ContactWebhooks } from '../model/contact.js';
import type { Capabilities } from '../contract/provider.js';
import { isMasked, maskShows } from '../model/masked-values.js';
import { phoneKey } from '../sync/sync-matching.js';
import { maskWebhookUrl } from '../util/redaction.js';
import type { ChannelReach, ReachChannel } from './reach-types.js';
import { testFailure } from './webhook-tests.js';
import type { WebhookTest } from './webhook-tests.js';

/** The channels a roster entry asks of a target, from the fields it gives there. */
export function wantedChannels(fields: Record<string, unknown>, capabilities: Capabilities): ReachChannel[] {
  // A contact matched by its number (ChatApp) is a number: that is its one channel.
  if (capabilities.sync?.key === 'phone') return ['number'];
  const channels: ReachChannel[] = [];
  if (typeof fields['email'] === 'string') channels.push('email');
  if (typeof fields['phone'] === 'string') channels.push('phone');
  const webhooks = fields['webhooks'];
  if (typeof webhooks === 'object' && webhooks !== null) {
    for (const kind of ['generic', 'lark', 'dingtalk', 'wecom'] as const) if ((webhooks as ContactWebhooks)[kind] !== undefined) channels.push(`webhooks.${kind}`);
  }
  return channels;
}

/** A channel the target cannot hold, or that no contact there can be found for. */
export function absentChannel(channel: ReachChannel, capabilities: Capabilities, reason: string): ChannelReach {
  const rule = channel === 'number' ? undefined : capabilities.fields[channel as ContactField];
  if (rule?.support === 'unsupported') return { channel, state: 'not-supported', ...(rule.rule === undefined ? {} : { reason: rule.rule }) };
  return { channel, state: 'missing', reason };
}

/** Where a channel of a matched contact stands. */
export function channelReach(contact: Contact<object>, channel: ReachChannel, wanted: Record<string, unknown>, capabilities: Capabilities, test: WebhookTest | undefined): ChannelReach {
  if (channel === 'number') return numberReach(contact);
  const rule = capabilities.fields[channel];
  if (rule.support === 'unsupported') return absentChannel(channel, capabilities, '');
  const down = statusFailure(contact);
  if (channel === 'email' || channel === 'phone') {
    const value = addressReach(contact, channel, wanted[channel]);
    return down === undefined || value.state !== 'reachable' ? value : { ...value, state: 'failing', reason: down };
  }
  const kind = channel.slice('webhooks.'.length) as keyof ContactWebhooks;
  const hook = contact.webhooks?.[kind];
  if (hook === undefined) return { channel, state: 'missing', reason: `the contact has no ${kind} webhook` };
  const value = maskWebhookUrl(hook.url);
  if (down !== undefined) return { channel, state: 'failing', value, reason: down };
  if (test === undefined) return { channel, state: 'reachable', value, tested: false };
  return test.delivered ? { channel, state: 'reachable', value, tested: true } : { channel, state: 'failing', value, tested: true, reason: testFailure(test) };
}

/** An email or phone: the roster's value there, confirmed, waiting, or not there. */
function addressReach(contact: Contact<object>, channel: 'email' | 'phone', wanted: unknown): ChannelReach {
  const have = contact[channel];
  const pendingValue = (contact.details as Record<string, unknown> | undefined)?.[channel === 'email' ? 'pendingEmail' : 'pendingPhone'];
  const since = contact.status === 'pending-verification' && contact.createdAt !== undefined ? { since: contact.createdAt } : {};
  if (typeof wanted === 'string' && typeof pendingValue === 'string' && sameAddress(pendingValue, wanted, channel) && (have === undefined || !sameAddress(have, wanted, channel))) {
    const old = have === undefined ? '' : `; until then it keeps ${have}`;
    return { channel, state: 'pending', value: pendingValue, ...since, reason: `waits for its owner to confirm it${old}` };
  }
  if (have === undefined) return { channel, state: 'missing', reason: `the contact has no ${channel}` };
  if (typeof wanted === 'string' && !sameAddress(have, wanted, channel)) return { channel, state: 'missing', value: have, reason: `the contact has another ${channel}: ${have}` };
  const verification = contact.verification?.[channel];
  if (verification === 'pending' || verification === 'unverified') return { channel, state: 'pending', value: have, ...since, reason: 'waits for its owner to confirm it' };
  return { channel, state: 'reachable', value: have };
}

/**
 * Whether a value the target shows is the roster's: equal (emails ignoring case, phones by their
 * digits), a mask the roster's value fits, or the same mask.
 */
function sameAddress(have: string, wanted: string, channel: 'email' | 'phone'): boolean {
  if (have === wanted) return true;
  if (isMasked(have)) return !isMasked(wanted) && maskShows(have, wanted);
  if (isMasked(wanted)) return false;
  return channel === 'email' ? have.trim().toLowerCase() === wanted.trim().toLowerCase() : phoneKey(have) !== undefined && phoneKey(have) === phoneKey(wanted);
}

/** A number (a ChatApp WhatsApp number): its status says whether it sends, and Meta's rating how well. */
function numberReach(contact: Contact<object>): ChannelReach {
  const details = (contact.details ?? {}) as Record<string, unknown>;
  const vendorStatus = typeof details['vendorStatus'] === 'string' ? details['vendorStatus'] : undefined;
  const value = contact.phone ?? contact.id;
  if (statusFailure(contact) !== undefined) return { channel: 'number', state: 'failing', value, reason: `the number is ${vendorStatus ?? contact.status}: it sends nothing` };
  if (contact.status === 'pending-verification') {
    return { channel: 'number', state: 'pending', value, reason: `${vendorStatus ?? 'pending'}: its code is not verified and it is not registered yet` };
  }
  const rating = details['qualityRating'];
  const note = rating === 'RED' || rating === 'YELLOW' ? { reason: `quality rating ${rating}: Meta may limit it` } : {};
  const shown = vendorStatus !== undefined && vendorStatus !== 'CONNECTED' ? { reason: `${vendorStatus}${'reason' in note ? `; ${note.reason}` : ''}` } : note;
  return { channel: 'number', state: 'reachable', value, ...shown };
}

/** Why a contact as a whole cannot be reached, from its status; undefined when it can be. */
function statusFailure(contact: Contact<object>): string | undefined {
  const vendorStatus = (contact.details as Record<string, unknown> | undefined)?.['vendorStatus'];
  const said = typeof vendorStatus === 'string' ? ` (${vendorStatus})` : '';
  switch (contact.status) {
    case 'inactive':
      return `the contact is inactive${said}`;
    case 'deleting':
      return 'the contact is being deleted';
    case 'unknown':
      return `the vendor reports no usable status${said}`;
    default:
      return undefined;
  }
}
