/** Channels of the backups domain: input schemas here, outputs in BackupsOutputs (merged into the contract). */
export const backupsChannelInputs = {} as const;

export type BackupsOutputs = Record<never, never>;
