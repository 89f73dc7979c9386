/**
 * A provider's own input and patch types, derived from its capabilities data, so that what a
 * vendor refuses fails to compile where a type can say so: `tencentCam().create({ name, email })`
 * without the phone CAM requires is a type error, and so is a title given to CAM.
 */
import type { ContactField, ContactInput, ContactWebhooks } from '../model/contact.js';

/** The part of a provider's field capabilities the types are derived from. */
export type FieldSupportTable = {
  readonly [F in ContactField]: {
    readonly support: 'required' | 'optional' | 'unsupported';
    readonly updatable?: boolean;
    readonly clearable?: boolean;
  };
};

type Scalar = Exclude<keyof ContactInput, 'webhooks'>;
type WebhookKind = keyof ContactWebhooks & string;
type SupportOf<T extends FieldSupportTable, F extends ContactField> = T[F]['support'];
type Value<K extends keyof ContactInput> = NonNullable<ContactInput[K]>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

type WebhookKindsOf<T extends FieldSupportTable> = {
  [W in WebhookKind]: SupportOf<T, `webhooks.${W}`> extends 'unsupported' ? never : W;
}[WebhookKind];

type WebhooksInput<T extends FieldSupportTable> = [WebhookKindsOf<T>] extends [never]
  ? unknown
  : { webhooks?: { [W in WebhookKindsOf<T>]?: ContactWebhooks[W] } };

/**
 * What a provider's `create` takes: its required fields required, its unsupported ones absent.
 *
 * @advanced
 */
export type InputFor<T extends FieldSupportTable> = Simplify<
  { [K in Scalar as SupportOf<T, K> extends 'required' ? K : never]-?: Value<K> } & {
    [K in Scalar as SupportOf<T, K> extends 'optional' ? K : never]?: Value<K>;
  } & WebhooksInput<T>
>;

type Updatable<T extends FieldSupportTable, F extends ContactField> = SupportOf<T, F> extends 'unsupported'
  ? false
  : T[F] extends { readonly updatable: false }
    ? false
    : true;

type Clearable<T extends FieldSupportTable, F extends ContactField> = SupportOf<T, F> extends 'optional'
  ? T[F] extends { readonly clearable: false }
    ? false
    : true
  : false;

type UpdatableWebhookKinds<T extends FieldSupportTable> = {
  [W in WebhookKind]: Updatable<T, `webhooks.${W}`> extends true ? W : never;
}[WebhookKind];

type WebhooksPatch<T extends FieldSupportTable> = [UpdatableWebhookKinds<T>] extends [never]
  ? unknown
  : { webhooks?: { [W in UpdatableWebhookKinds<T>]?: ContactWebhooks[W] | null } | null };

/**
 * What a provider's `update` takes: the fields it can change; `null` clears those it can clear.
 *
 * @advanced
 */
export type PatchFor<T extends FieldSupportTable> = Simplify<
  {
    [K in Scalar as Updatable<T, K> extends true ? K : never]?: Clearable<T, K> extends true ? Value<K> | null : Value<K>;
  } & WebhooksPatch<T>
>;
