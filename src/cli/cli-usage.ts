/**
 * The CLI's usage: one help text per command, what each command takes (its flags and positional
 * arguments), and the error that makes it exit 2.
 */

/** A command line the CLI cannot run as written; it exits 2 with the command's usage line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const COMMON = `Options for every command:
  --json            print JSON for scripts instead of tables
  --help            show the help of a command`;

const PROXIES = 'HTTPS_PROXY (https_proxy, http_proxy, ALL_PROXY) and NO_PROXY are read as curl reads them.';

const PROVIDER_OPTIONS = `  --provider <id>   tencent-cam, alibaba-resource-directory, volcengine-vmp or alibaba-chatapp
  --endpoint <url>  an emulator or gateway (default: CLOUD_CONTACTS_<PROVIDER>_ENDPOINT, else the vendor's)
  --profile <name>  a profile of the vendor CLI's files (~/.aliyun/config.json, ~/.tencentcloud/credentials,
                    ~/.volcengine/config.json) instead of the vendor's default chain
  --roster <file> --target <name>
                    instead of --provider: one target of a roster's targets: block, with its settings
Credentials come from the vendor's default chain: its environment variables (TENCENTCLOUD_SECRET_ID,
ALIBABA_CLOUD_ACCESS_KEY_ID, VOLCENGINE_ACCESS_KEY, ...), its CLI's profile files, a Kubernetes OIDC
token, the instance's role; \`cloud-contacts emulator\` prints the emulators' keys as variables.
Other settings of a provider, as JSON, in CLOUD_CONTACTS_<PROVIDER>_SETTINGS ({"custSpaceId": "..."}).
${PROXIES}`;

const TARGETS = `  --target <name>   only these targets of the roster's targets: block, by name or provider id; repeat it
                    (default: the roster's providers:, else every target; without a targets: block,
                    one target per provider id)
  --provider <id>   only the targets of these providers, repeated
  --profile <name>  a profile of the vendor CLIs' files, for every target whose settings name none
                    (default: each vendor's default chain)
A target's endpoint and keys come from its settings in the roster (profile, assumeRole, endpoint, ...),
else from CLOUD_CONTACTS_<PROVIDER>_ENDPOINT and the vendors' default chains.
${PROXIES}`;

const SYNC_OPTIONS = `  --prune           also delete contacts the roster owns (managed: prefix + separator, or names)
                    that no entry names for that target
  --max-deletes N   the deletion guard: at most N deletes per target (default 10)
  --max-delete-share S
                    the deletion guard: at most this share of the contacts the roster manages on
                    a target, 0.5 or 50% (default 50%)
  --replace-masked <name>
                    change this contact even where the vendor's mask hides whether it differs
                    (CAM shows email and phone masked); repeat it, or '*' for every such contact`;

/** Help texts, by command; `''` is the overview. Each command's text starts with its usage line. */
export const HELP: Readonly<Record<string, string>> = {
  '': `cloud-contacts: notification contacts in Tencent Cloud, Alibaba Cloud and Volcengine, from one roster.

Usage: cloud-contacts <command> [options]

Start from what your clouds hold:
  export    write a roster of every contact the clouds hold, one entry per person
  plan      show what syncing a roster would change (an exported roster: nothing)
  apply     sync a roster
  status    show who on a roster can be reached, where, on which channel
  verify    send a verification message (--pending: every one a roster still waits for)
Commands for one provider:
  list      list its contacts
  get       show one contact
  create    create a contact
  update    change a contact
  delete    delete a contact
Local:
  emulator  start local emulators and print their endpoints and credentials
  demo      sync a sample roster to every provider's emulator

Exit codes: 0 all went well, 1 something failed, 2 the command line is wrong; plan
--detailed-exitcode exits 3 when there are changes, status exits 1 when someone on call
cannot be reached.
Run cloud-contacts <command> --help for a command's options.

${COMMON}`,
  list: `Usage: cloud-contacts list --provider <id> [--limit N] [--page-size N]\n\n${PROVIDER_OPTIONS}\n${COMMON}`,
  get: `Usage: cloud-contacts get --provider <id> <contact-id>\n\n${PROVIDER_OPTIONS}\n${COMMON}`,
  create: `Usage: cloud-contacts create --provider <id> --name <name> [--email E] [--phone P] [--title T]
       [--message-types A,B] [--remark R] [--input contact.json | --input -]\n\n${PROVIDER_OPTIONS}\n${COMMON}`,
  update: `Usage: cloud-contacts update --provider <id> <contact-id> [--email E] [--phone P] [--title T]
       [--message-types A,B] [--remark R] [--clear <field>]... [--input patch.json | --input -]\n\n${PROVIDER_OPTIONS}\n${COMMON}`,
  delete: `Usage: cloud-contacts delete --provider <id> <contact-id>\n\n${PROVIDER_OPTIONS}\n${COMMON}`,
  verify: `Usage: cloud-contacts verify --provider <id> <contact-id> --channel email|phone|webhook
       cloud-contacts verify --pending <roster.yaml|roster.json> [--target <name>]...

The first form sends one verification message. With --pending, every email address and phone
number on the roster that still waits for its owner's confirmation gets its message again
(Resource Directory's email and phone, VMP's email), one after another per target, within the
vendors' limits: it says what it sent, and what a daily limit left for tomorrow. Exits 1 only
when a send failed.
${PROVIDER_OPTIONS}
  --pending         send every verification the roster still waits for (--target and --provider
                    then pick the roster's targets, as plan does)
${COMMON}`,
  plan: `Usage: cloud-contacts plan <roster.yaml|roster.json> [--target <name>]... [--prune] [--detailed-exitcode] [plan options]

Reads every target's contacts and prints what \`apply\` would do, a table per target; changes nothing.
${TARGETS}
${SYNC_OPTIONS}
  --detailed-exitcode
                    exit 0 when nothing would change, 3 when something would, 1 on a failure
                    (for a nightly drift check)
${COMMON}`,
  apply: `Usage: cloud-contacts apply <roster.yaml|roster.json> [--target <name>]... [--prune] [plan options] [--concurrency N]

Plans and carries out the sync; one failure never stops the others; running it again finishes
what failed. Exits 1 when anything failed; a replace that deleted a contact and could not create
it again prints the command that restores it.
${TARGETS}
${SYNC_OPTIONS}
  --concurrency N   changes in flight per target, 1 or more (default 4; each paces itself within its
                    own account's limits, and targets are applied side by side)
${COMMON}`,
  export: `Usage: cloud-contacts export [--provider <id>]... [--output roster.yaml] [--json]

Reads every provider and writes a roster of what they hold: one entry per person, merged across
clouds by email and phone (and, where CAM shows masks, by mask and name), names that differ per
cloud as overrides; what it cannot decide it keeps apart, with a comment saying why. Webhook
secrets are never written: the roster names the variable each must come from. \`plan\` on the
roster shows every contact unchanged. YAML by default; --json for JSON (notes as $comment).
  --provider <id>   only these providers, repeated (default: every one)
  --output <file>   write the roster to this file instead of standard output (not over an existing one)
  --profile <name>  a profile of the vendor CLIs' files, for every provider (default: each vendor's default chain)
Endpoints come from CLOUD_CONTACTS_<PROVIDER>_ENDPOINT, credentials from the vendors' default chains.
${PROXIES}
${COMMON}`,
  status: `Usage: cloud-contacts status <roster.yaml|roster.json> [--target <name>]... [--test-webhooks]

Shows who on the roster can be reached, per target and channel: reachable, pending (waiting for
its owner to confirm it, since when), failing (with the vendor's reason), missing (the roster wants
it, the cloud lacks it) or not-supported. Entries marked \`oncall: true\` must be reachable
somewhere: status exits 1 when one of them is not (or a target could not be read).
${TARGETS}
  --test-webhooks   have the vendor post a test message to each webhook (VMP's Test*Webhook):
                    it sends a message to each chat group
${COMMON}`,
  emulator: `Usage: cloud-contacts emulator [provider]...

Starts the emulators (default: all available), prints their endpoints and credentials as
environment lines to paste into another shell, and runs until interrupted (Ctrl-C).
${COMMON}`,
  demo: `Usage: cloud-contacts demo [--print-roster]

Starts every available emulator in this process, plans and applies a sample roster, changes it and
syncs again (update, replace, prune), and shows a typed error from a vendor limit.
  --print-roster    print the sample roster instead (cloud-contacts demo --print-roster > roster.yaml)
${COMMON}`,
};

/** What a command takes: its flags (besides --json and --help) and how many positional arguments. */
export interface CommandSpec {
  /** The flags it takes. */
  readonly flags: readonly string[];
  /** How many positional arguments, at least and at most. */
  readonly positionals: readonly [min: number, max: number];
  /** What its positional arguments are, for messages: `the contact's id`, `the roster file`. */
  readonly takes?: string;
}

const ONE_PROVIDER = ['provider', 'endpoint', 'profile', 'roster', 'target'] as const;
const PLAN_FLAGS = ['target', 'provider', 'profile', 'prune', 'max-deletes', 'max-delete-share', 'replace-masked'] as const;

/** Every command's flags and positional arguments. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  list: { flags: [...ONE_PROVIDER, 'limit', 'page-size'], positionals: [0, 0] },
  get: { flags: ONE_PROVIDER, positionals: [1, 1], takes: "the contact's id" },
  create: { flags: [...ONE_PROVIDER, 'name', 'email', 'phone', 'title', 'message-types', 'remark', 'input'], positionals: [0, 0] },
  update: { flags: [...ONE_PROVIDER, 'name', 'email', 'phone', 'title', 'message-types', 'remark', 'input', 'clear'], positionals: [1, 1], takes: "the contact's id" },
  delete: { flags: ONE_PROVIDER, positionals: [1, 1], takes: "the contact's id" },
  verify: { flags: [...ONE_PROVIDER, 'channel', 'pending'], positionals: [1, 1], takes: "the contact's id (with --pending, the roster file)" },
  plan: { flags: [...PLAN_FLAGS, 'detailed-exitcode'], positionals: [1, 1], takes: 'the roster file' },
  apply: { flags: [...PLAN_FLAGS, 'concurrency'], positionals: [1, 1], takes: 'the roster file' },
  export: { flags: ['provider', 'profile', 'output'], positionals: [0, 0] },
  status: { flags: ['target', 'provider', 'profile', 'test-webhooks'], positionals: [1, 1], takes: 'the roster file' },
  emulator: { flags: [], positionals: [0, 4], takes: 'provider ids' },
  demo: { flags: ['print-roster'], positionals: [0, 0] },
};

/** A command's usage line(s): the paragraph of its help text that starts with `Usage:`. */
export function usageLine(command: string): string {
  const paragraphs = (HELP[command] ?? HELP['']!).split('\n\n');
  return paragraphs.find((paragraph) => paragraph.startsWith('Usage:')) ?? paragraphs[0]!;
}
