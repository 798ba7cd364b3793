import { parseArgs } from "node:util";
import { AppError } from "@/lib/core/errors";

// The admin command's flags: parsed strictly (an unknown flag, a missing value or a stray word is an error),
// before the database is opened, so a typo costs nothing.

export type AdminCommand =
  | { command: "help" }
  | {
      command: "create-merchant";
      email: string;
      password: string;
      name: string;
      country: string;
      currency: string;
    }
  | { command: "create-api-key"; merchant: string; livemode: boolean; name: string | null }
  | { command: "create-onerway-credentials"; merchant: string; livemode: boolean }
  | { command: "enable-platform"; merchant: string };

type StringFlags = Record<string, { type: "string"; default?: string }>;

interface CommandSpec {
  usage: string;
  description: string;
  output: string;
  flags: StringFlags;
  required: readonly string[];
}

export const COMMANDS = {
  "create-merchant": {
    usage: "create-merchant --email E --password P --name N [--country US] [--currency USD]",
    description:
      "Creates a user and their first business, the user as its owner (what /signup does). Fails if the email already has an account.",
    output: '{"user_id":"usr_…","merchant_id":"mch_…"}',
    flags: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      country: { type: "string", default: "US" },
      currency: { type: "string", default: "USD" },
    },
    required: ["email", "password", "name"],
  },
  "create-api-key": {
    usage: "create-api-key --merchant <merchant id | owner email> --mode test|live [--name N]",
    description:
      "Creates a secret API key for a business. The key is printed once and stored only as a hash. An owner email works when that user owns exactly one business.",
    output: '{"id":"key_…","secret":"sk_test_…","livemode":false,"merchant_id":"mch_…"}',
    flags: {
      merchant: { type: "string" },
      mode: { type: "string" },
      name: { type: "string" },
    },
    required: ["merchant", "mode"],
  },
  "create-onerway-credentials": {
    usage: "create-onerway-credentials --merchant <merchant id | owner email> --mode test|live",
    description:
      "Creates the secret key of the Onerway-compatible API for one mode, replacing that mode's old key at once, and the business's merchant number on first use (kept after). The key is printed once; it is stored sealed with AUTH_SECRET, so run this with the app's AUTH_SECRET.",
    output: '{"merchant_no":"800001","secret_key":"…","livemode":false}',
    flags: {
      merchant: { type: "string" },
      mode: { type: "string" },
    },
    required: ["merchant", "mode"],
  },
  "enable-platform": {
    usage: "enable-platform --merchant <merchant id | owner email>",
    description:
      "Makes a business a platform: its API keys can then create connected merchants and act for them (Paylink-Merchant). Running it again changes nothing; a connected merchant cannot be made one.",
    output: '{"merchant_id":"mch_…","platform":true}',
    flags: {
      merchant: { type: "string" },
    },
    required: ["merchant"],
  },
  help: {
    usage: "help",
    description: "Prints this list of commands.",
    output: '{"usage":…,"commands":[…]}',
    flags: {},
    required: [],
  },
} satisfies Record<string, CommandSpec>;

type CommandName = keyof typeof COMMANDS;

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

export function helpText() {
  return {
    usage: "npm run --silent admin -- <command> [flags]",
    notes: "Prints JSON on stdout; errors as JSON on stderr with a non-zero exit code (2: bad flags, 1: anything else). Uses DATABASE_URL, or the embedded database when it is unset.",
    commands: Object.entries(COMMANDS).map(([, spec]) => ({ usage: spec.usage, description: spec.description, output: spec.output })),
  };
}

function flagError(error: unknown, command: string): AppError {
  const { code, message } = error as { code?: string; message?: string };
  const flag = /'(-[^' ]+)/.exec(message ?? "")?.[1] ?? null;
  const param = flag?.replace(/^-+/, "") ?? null;
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new AppError("parameter_unknown", `Unknown flag ${flag} for ${command}. Run "help" for the flags it takes.`, { param });
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return new AppError("parameter_invalid", `Flag ${flag} needs a value.`, { param });
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return new AppError("parameter_unknown", `Unexpected argument for ${command}: ${/'([^']*)'/.exec(message ?? "")?.[1] ?? ""}. Values follow their flag (--name "My key").`);
    default:
      return new AppError("parameter_invalid", message ?? "Invalid flags.");
  }
}

/** The command's flags, or null when --help was among them. */
function parseFlags(command: CommandName, args: string[]): Record<string, string | undefined> | null {
  const spec: CommandSpec = COMMANDS[command];
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    const options = { ...spec.flags, help: { type: "boolean", short: "h" } } as const;
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw flagError(error, command);
  }
  if (values.help) return null;
  for (const flag of spec.required) {
    if (values[flag] === undefined) {
      throw new AppError("parameter_missing", `Missing required flag --${flag}. Usage: ${spec.usage}`, { param: flag });
    }
  }
  return values as Record<string, string | undefined>;
}

/** Turns the words after `npm run admin --` into a command, or throws an AppError (parameter_*). */
export function parseCommand(argv: readonly string[]): AdminCommand {
  const [name, ...args] = argv;
  if (name === undefined) {
    throw new AppError("parameter_missing", `Name a command: ${Object.keys(COMMANDS).join(", ")}.`, { param: "command" });
  }
  if (name === "--help" || name === "-h") return { command: "help" };
  if (!isCommandName(name)) {
    throw new AppError("parameter_unknown", `Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}.`, { param: "command" });
  }
  const flags = parseFlags(name, args);
  if (!flags) return { command: "help" };
  switch (name) {
    case "help":
      return { command: "help" };
    case "create-merchant":
      return {
        command: name,
        email: flags.email!,
        password: flags.password!,
        name: flags.name!,
        country: flags.country!,
        currency: flags.currency!,
      };
    case "create-api-key":
      return { command: name, merchant: flags.merchant!.trim(), livemode: livemodeOf(flags.mode), name: flags.name?.trim() || null };
    case "create-onerway-credentials":
      return { command: name, merchant: flags.merchant!.trim(), livemode: livemodeOf(flags.mode) };
    case "enable-platform":
      return { command: name, merchant: flags.merchant!.trim() };
  }
}

function livemodeOf(mode: string | undefined): boolean {
  if (mode !== "test" && mode !== "live") {
    throw new AppError("parameter_invalid", `--mode must be test or live, not "${mode}".`, { param: "mode" });
  }
  return mode === "live";
}
