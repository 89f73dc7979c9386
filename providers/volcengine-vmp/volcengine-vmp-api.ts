/**
 * The VMP contact and contact-group actions (2021-03-03): per action, whether it may be sent
 * twice and a minimal, tolerant schema of its `Result` (only the fields this provider reads,
 * unknown ones ignored, so a vendor addition never breaks a call). Each is built on its first use
 * (`z.lazy`): building them all at import was a large part of a provider's cold start.
 */
import * as z from '../../src/util/zod.js';
import type { ActionTable } from '../../src/transport/vendor-caller.js';

/** The API version every request names. */
export const VMP_API_VERSION = '2021-03-03';

/** The service name of the signature's credential scope. */
export const VMP_SERVICE = 'vmp';

const text = z.nullishString();
const textList = z.nullish(z.array(z.string()));
/** Platform codes arrive as numbers (Lark `code`, DingTalk `errcode`); tolerate strings too. */
const code = z.nullish(z.union([z.number(), z.string()]));

/** The `{ResponseMetadata, Result}` envelope of every answer, error or not. */
export const vmpEnvelopeSchema = z.lazy(() =>
  z.object({
    ResponseMetadata: z.looseObject({
      RequestId: text,
      Error: z.nullish(z.object({ Code: text, CodeN: z.nullish(z.number()), Message: text })),
    }),
    Result: z.optional(z.unknown()),
  }),
);

/** The envelope of an answer. */
export type VmpEnvelope = z.infer<typeof vmpEnvelopeSchema>;

/** A contact as GetContact and ListContacts show it; channels not configured have an empty `Address`. */
const vmpContactSchema = z.lazy(() =>
  z.object({
    Id: z.string(),
    Name: text,
    Email: text,
    EmailActive: z.nullish(z.boolean()),
    Webhook: z.nullish(z.object({ Address: text, Token: text })),
    LarkBotWebhook: z.nullish(z.object({ Address: text, SecretKey: text })),
    DingTalkBotWebhook: z.nullish(z.object({ Address: text, SecretKey: text, AtMobiles: textList, AtUserIds: textList })),
    WeComBotWebhook: z.nullish(z.object({ Address: text, AtUserIds: textList })),
    ContactGroupIds: textList,
    CreateTime: text,
    LarkBot: z.nullish(z.object({ ChatID: text, GroupName: text, TenantKey: text })),
  }),
);

/** A contact as VMP shows it. */
export type VmpContact = z.infer<typeof vmpContactSchema>;

/** A contact group as GetContactGroup and ListContactGroups show it. */
const vmpGroupSchema = z.lazy(() => z.object({ Id: z.string(), Name: text, ContactIds: textList, CreateTime: text }));

/** A contact group as VMP shows it. */
export type VmpGroup = z.infer<typeof vmpGroupSchema>;

/** One id of a batch delete that was not deleted, with its own error. */
export const vmpUnsuccessfulItemSchema = z.lazy(() => z.object({ Id: z.string(), Error: z.nullish(z.object({ Code: z.string(), Message: text })) }));

const batch = z.lazy(() => z.object({ SuccessfulItems: textList, UnsuccessfulItems: z.nullish(z.array(vmpUnsuccessfulItemSchema)) }));
const listing = <T extends z.ZodMiniType>(item: T) => z.lazy(() => z.object({ Total: z.nullish(z.number()), Items: z.nullish(z.array(item)) }));
const sent = z.lazy(() => z.object({ Id: text, SendStatus: text, Message: text }));
const tested = () => ({ StatusCode: z.nullish(z.number()), ErrorMessage: text });

/** Every action of the provider, by name. */
export const VMP_ACTIONS = {
  // A repeat of a lost create would fail on the name: settled by looking the name up instead.
  CreateContact: { idempotent: false, response: z.lazy(() => z.object({ Id: z.string(), SendStatus: text, Message: text })) },
  GetContact: { idempotent: true, response: vmpContactSchema },
  // The whole channel set is sent every time: a repeat leaves the same contact.
  UpdateContact: { idempotent: true, response: sent },
  DeleteContacts: { idempotent: true, response: batch },
  ListContacts: { idempotent: true, response: listing(vmpContactSchema) },
  // Each send is another message to a person, limited to one a minute per address.
  SendValidationMessage: { idempotent: false, response: z.lazy(() => z.object({ SendStatus: z.string(), Message: text })) },
  // Each test posts a message into a chat.
  TestWebhook: { idempotent: false, response: z.lazy(() => z.object({ ...tested(), Body: text })) },
  TestLarkBotWebhook: { idempotent: false, response: z.lazy(() => z.object({ ...tested(), LarkCode: code, LarkMessage: text })) },
  TestDingTalkBotWebhook: { idempotent: false, response: z.lazy(() => z.object({ ...tested(), DingTalkCode: code, DingTalkMessage: text })) },
  TestWeComBotWebhook: { idempotent: false, response: z.lazy(() => z.object({ ...tested(), WeComCode: code, WeComMessage: text })) },
  CreateContactGroup: { idempotent: false, response: z.lazy(() => z.object({ Id: z.string() })) },
  GetContactGroup: { idempotent: true, response: vmpGroupSchema },
  UpdateContactGroup: { idempotent: true, response: z.lazy(() => z.object({ Id: text })) },
  DeleteContactGroups: { idempotent: true, response: batch },
  ListContactGroups: { idempotent: true, response: listing(vmpGroupSchema) },
} as const satisfies ActionTable;

/** An action of the provider. */
type VmpAction = keyof typeof VMP_ACTIONS;

/** The parsed `Result` of an action. */
export type VmpResult<A extends VmpAction> = z.infer<(typeof VMP_ACTIONS)[A]['response']>;

/** The four Test*Webhook actions. */
export type VmpTestAction = 'TestWebhook' | 'TestLarkBotWebhook' | 'TestDingTalkBotWebhook' | 'TestWeComBotWebhook';

/** What Test*Webhook answers, whichever the platform. */
export type VmpTestResult = VmpResult<VmpTestAction>;

/** The channel objects of CreateContact and UpdateContact, in the order the vendor's example lists their fields. */
interface VmpChannels {
  Webhook?: { Token?: string; Address: string };
  LarkBotWebhook?: { Address: string; SecretKey?: string };
  DingTalkBotWebhook?: { Address: string; AtMobiles?: string[]; AtUserIds?: string[]; SecretKey?: string };
  WeComBotWebhook?: { Address: string; AtUserIds?: string[] };
}

/** The body of CreateContact. */
export interface VmpCreateContactParams extends VmpChannels {
  Name: string;
  Email?: string;
  ContactGroupIds?: string[];
}

/** The body of UpdateContact: every field, so that the vendor's replace keeps what it should. */
export interface VmpUpdateContactParams {
  Id: string;
  Name: string;
  Email: string;
  Webhook: { Address: string; Token: string };
  LarkBotWebhook: { Address: string; SecretKey: string };
  DingTalkBotWebhook: { Address: string; SecretKey: string; AtMobiles: string[]; AtUserIds: string[] };
  WeComBotWebhook: { Address: string; AtUserIds: string[] };
  ContactGroupIds: string[];
}
