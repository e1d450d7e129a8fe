/** Channels of the imports domain: input schemas here, outputs in ImportsOutputs (merged into the contract). */
export const importsChannelInputs = {} as const;

export type ImportsOutputs = Record<never, never>;
