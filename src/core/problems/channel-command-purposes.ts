/**
 * What `channel` sets, typed in the channel to use; showcase and digest channels are set in
 * `setup`. A leaf, so the command registry lists the choices without loading the use case.
 */
export const CHANNEL_COMMAND_PURPOSES = ["problems", "triage"] as const;
