/**
 * Minimal, tolerant schemas of the Resource Directory message-contact answers (2022-04-19): only
 * the fields this provider reads, every one `.nullish()` unless the answer is useless without it,
 * and unknown fields ignored so that a vendor addition never breaks a call. Each is built on its
 * first use (`z.lazy`): a process reads a few of these answers, and building them all at import
 * was a large part of a provider's cold start.
 */
import * as z from '../../src/util/zod.js';
import type { ActionTable } from '../../src/transport/vendor-caller.js';

const text = z.nullishString();
const textList = z.nullish(z.array(z.string()));

/** A contact as GetMessageContact and ListMessageContacts show it. */
const vendorContactSchema = z.lazy(() =>
  z.object({
    ContactId: z.string(),
    Name: text,
    EmailAddress: text,
    PhoneNumber: text,
    Title: text,
    MessageTypes: textList,
    Members: textList,
    Status: text,
    CreateDate: text,
    AssociatedDate: text,
  }),
);

/** A contact as the vendor shows it. */
export type VendorContact = z.infer<typeof vendorContactSchema>;

/** One member binding in the answer of AssociateMembers and DisassociateMembers. */
const vendorBindingSchema = z.lazy(() => z.object({ ContactId: text, MemberId: z.string(), ModifyDate: text }));

/** A member binding as the vendor shows it. */
export type VendorBinding = z.infer<typeof vendorBindingSchema>;

/** A target waiting for its owner's confirmation. */
const vendorVerificationSchema = z.lazy(() => z.object({ ContactId: z.string(), Target: z.string() }));

/** A pending target as the vendor shows it. */
export type VendorVerification = z.infer<typeof vendorVerificationSchema>;

const page = () => ({ TotalCount: z.nullish(z.number()), PageNumber: z.nullish(z.number()), PageSize: z.nullish(z.number()) });
const base = { RequestId: text };

/** What the vendor answers for each action, and whether sending it twice is harmless. */
export const RD_ACTIONS = {
  AddMessageContact: {
    idempotent: false,
    response: z.lazy(() => z.object({ ...base, Contact: z.object({ ContactId: z.string(), CreateDate: text }) })),
  },
  GetMessageContact: { idempotent: true, response: z.lazy(() => z.object({ ...base, Contact: vendorContactSchema })) },
  // Update sets absolute values: sending the same update twice leaves the same contact.
  UpdateMessageContact: { idempotent: true, response: z.lazy(() => z.object(base)) },
  DeleteMessageContact: { idempotent: true, response: z.lazy(() => z.object({ ...base, Status: text })) },
  GetMessageContactDeletionStatus: {
    idempotent: true,
    response: z.lazy(() =>
      z.object({
        ...base,
        ContactDeletionStatus: z.object({
          ContactId: text,
          Status: text,
          FailReasonList: z.nullish(z.array(z.object({ AccountId: text, MessageTypes: textList }))),
        }),
      }),
    ),
  },
  ListMessageContacts: {
    idempotent: true,
    response: z.lazy(() => z.object({ ...base, ...page(), Contacts: z.nullish(z.array(vendorContactSchema)) })),
  },
  ListMessageContactVerifications: {
    idempotent: true,
    response: z.lazy(() => z.object({ ...base, ...page(), ContactVerifications: z.nullish(z.array(vendorVerificationSchema)) })),
  },
  // Each send is another message to a person and another unit of a daily quota.
  SendEmailVerificationForMessageContact: { idempotent: false, response: z.lazy(() => z.object(base)) },
  SendPhoneVerificationForMessageContact: { idempotent: false, response: z.lazy(() => z.object(base)) },
  // A repeated cancel finds nothing pending and fails, so a lost answer must not be resent.
  CancelMessageContactUpdate: { idempotent: false, response: z.lazy(() => z.object(base)) },
  AssociateMembers: { idempotent: false, response: z.lazy(() => z.object({ ...base, Members: z.nullish(z.array(vendorBindingSchema)) })) },
  DisassociateMembers: { idempotent: false, response: z.lazy(() => z.object({ ...base, Members: z.nullish(z.array(vendorBindingSchema)) })) },
} as const satisfies ActionTable;

/** A message-contact action of the vendor. */
type RdAction = keyof typeof RD_ACTIONS;

/** The parsed answer of an action. */
export type RdResponse<A extends RdAction> = z.infer<(typeof RD_ACTIONS)[A]['response']>;

/** The API version every request names (product `ResourceDirectoryMaster`). */
export const RD_API_VERSION = '2022-04-19';
