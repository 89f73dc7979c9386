/**
 * The shapes of an export: the roster written from what the clouds hold, the notes on the entries
 * it could not settle, and the variables its webhook secrets must come from.
 */
import type { ContactTitle, MessageType, ProviderId } from '../model/contact.js';
import type { ContactError } from '../errors/errors.js';

/** A value the roster reads from an environment variable instead of holding it: a webhook's URL (it carries the bot's key), secret or token. */
export interface VariableRef {
  /** The variable's name. */
  readonly env: string;
}

/** Webhooks as an exported roster writes them: every secret part a {@link VariableRef}. */
export interface ExportedWebhooks {
  /** A generic HTTP webhook. */
  readonly generic?: { readonly url: string | VariableRef; readonly token?: VariableRef };
  /** A Lark (Feishu) bot. */
  readonly lark?: { readonly url: string | VariableRef; readonly secret?: VariableRef };
  /** A DingTalk bot. */
  readonly dingtalk?: { readonly url: string | VariableRef; readonly secret?: VariableRef; readonly atMobiles?: readonly string[]; readonly atUserIds?: readonly string[] };
  /** A WeCom bot. */
  readonly wecom?: { readonly url: string | VariableRef; readonly atUserIds?: readonly string[] };
}

/** The fields an exported entry gives a target that differ from its shared ones; `null` leaves one out there. */
export interface ExportedOverride {
  /** The name there. */
  readonly name?: string;
  /** The email there (or `null`: that contact has none). */
  readonly email?: string | null;
  /** The phone there, or `null`. */
  readonly phone?: string | null;
  /** The title there, or `null`. */
  readonly title?: ContactTitle | null;
  /** The message types there, or `null`. */
  readonly messageTypes?: readonly MessageType[] | null;
  /** The remark there, or `null`. */
  readonly remark?: string | null;
  /** The webhooks there; a kind `null` where that contact has none. */
  readonly webhooks?: { readonly [K in keyof ExportedWebhooks]?: ExportedWebhooks[K] | null } | null;
  /** The groups there, or `null`. */
  readonly groupIds?: readonly string[] | null;
}

/** One entry of an exported roster: one person (or endpoint), with one contact on each target it names. */
export interface ExportedEntry {
  /** The entry's name: the name most of its contacts have. */
  readonly name: string;
  /** Email. */
  readonly email?: string;
  /** Phone, in E.164 (or the mask a vendor shows, when no cloud shows it in full). */
  readonly phone?: string;
  /** Title. */
  readonly title?: ContactTitle;
  /** Message types. */
  readonly messageTypes?: readonly MessageType[];
  /** Remark. */
  readonly remark?: string;
  /** Webhooks, secrets as variables. */
  readonly webhooks?: ExportedWebhooks;
  /** Contact groups. */
  readonly groupIds?: readonly string[];
  /** The targets holding this person, when not every target exported. */
  readonly only?: readonly string[];
  /** What differs per target (names, a field one contact lacks), by target. */
  readonly providers?: Readonly<Record<string, ExportedOverride>>;
}

/** The roster an export writes, as data: what {@link formatRoster} prints and `parseRoster` reads back. */
export interface ExportedRosterData {
  /** The roster format version. */
  readonly version: 1;
  /**
   * The targets block, when a target is named other than its provider id (`cam-prod`): each
   * exported target with its provider. Its settings (profile, region, endpoint, ...) are yours
   * to add: an export cannot know how you reach each account.
   */
  readonly targets?: Readonly<Record<string, { readonly provider: ProviderId }>>;
  /** The targets exported: where the entries go unless their `only` says otherwise. */
  readonly providers: readonly string[];
  /** One entry per person. */
  readonly contacts: readonly ExportedEntry[];
}

/** A variable a webhook secret of the roster must come from. */
export interface ExportedVariable {
  /** The variable's name (`LARK_SECRET_ONCALL_ALICE`). */
  readonly name: string;
  /** The entry it belongs to. */
  readonly entry: string;
  /** The field (`webhooks.lark.secret`), under `providers.<target>.` when it is a target's own. */
  readonly field: string;
}

/** How one target was read. */
export interface ExportedTarget {
  /** The target. */
  readonly target: string;
  /** How many contacts it holds (0 when it could not be read). */
  readonly contacts: number;
  /** Why it could not be read: its contacts are not in the roster. */
  readonly error?: ContactError;
}

/** What {@link exportRoster} resolves to. */
export interface ExportedRoster {
  /** The roster. */
  readonly roster: ExportedRosterData;
  /**
   * Notes per entry, in the order of `roster.contacts`: why an entry was kept apart from another it
   * may belong with, where values are masks. Written as comments above the entry (YAML) or as its
   * `$comment` (JSON).
   */
  readonly notes: ReadonlyArray<readonly string[]>;
  /** Each variable a secret must come from before `plan` or `apply` can send it. */
  readonly variables: readonly ExportedVariable[];
  /** Each target, with its count or why it could not be read. */
  readonly targets: readonly ExportedTarget[];
}
