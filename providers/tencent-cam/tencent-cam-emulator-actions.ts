/**
 * The CAM emulator's actions: parameters checked as CAM documents, the account changed, answers
 * in CAM's shapes (numeric Uids, masked email and phone in listings).
 */
import type { EmulatorContext } from '../../src/testing/emulator-protocol.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { describeCamError } from './tencent-cam-emulator-errors.js';
import { checkCreateParams, listedReceiver } from './tencent-cam-emulator-state.js';
import type { CamAccount } from './tencent-cam-emulator-state.js';

/** Answers one action with the fields of its `Response`. */
type CamHandler = (params: Record<string, unknown>, account: CamAccount, context: EmulatorContext) => object;

/**
 * Quotas of the CAM emulator, overridable through `startEmulator('tencent-cam', { quotas })`:
 * `createsPerDay` (CreateMessageReceiver calls per account per Beijing day, default 10) and
 * `receivers` (receivers per account, default 100; CAM does not publish its number).
 */
export const TENCENT_CAM_EMULATOR_QUOTAS = {
  createsPerDay: { limit: 10, daily: true },
  receivers: { limit: 100, daily: false },
} as const;

const fault = (code: string): VendorFault => new VendorFault(code, describeCamError(code));

/** Every receiver action, by name. */
export const CAM_HANDLERS: Readonly<Record<string, CamHandler>> = {
  CreateMessageReceiver(params, account, context) {
    if (!account.realNameVerified) throw fault('InvalidParameter.UserNotAuth');
    // CAM counts every authenticated call against the day's 10, as its documentation says.
    if (!context.quota('createsPerDay').tryConsume()) throw fault('LimitExceeded.Uin');
    const valid = checkCreateParams(params);
    if (account.nameInUse(valid.Name)) throw fault('InvalidParameter.SubUserNameInUse');
    if (account.receivers.size >= context.quota('receivers').limit) throw fault('InvalidParameter.ReceiverOverLimit');
    account.add(valid);
    return {};
  },
  ListReceiver(params, account) {
    const offset = wholeNumber(params['Offset'], 'Offset', 0);
    const limit = wholeNumber(params['Limit'], 'Limit', 10);
    if (limit < 1 || limit > 1000) throw new VendorFault('InvalidParameter.ParamError', 'Limit must be from 1 to 1000.');
    const all = [...account.receivers.values()].sort((a, b) => a.Uid - b.Uid);
    return { TotalCount: all.length, Receivers: all.slice(offset, offset + limit).map(listedReceiver) };
  },
  DeleteMessageReceiver(params, account) {
    const name = params['Name'];
    if (typeof name !== 'string' || name === '') throw new VendorFault('MissingParameter', 'The request is missing a required parameter `Name`.');
    const receiver = account.byName(name);
    if (receiver === undefined) throw fault('ResourceNotFound.UserNotExists');
    account.receivers.delete(receiver.Uid);
    return {};
  },
};

function wholeNumber(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || number < 0) throw new VendorFault('InvalidParameter.ParamError', `${name} must be a non-negative integer.`);
  return number;
}
