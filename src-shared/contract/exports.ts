/** Channels of the exports domain: input schemas here, outputs in ExportsOutputs (merged into the contract). */
export const exportsChannelInputs = {} as const;

export type ExportsOutputs = Record<never, never>;
