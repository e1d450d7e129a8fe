/** Channels of the documents domain: input schemas here, outputs in DocumentsOutputs (merged into the contract). */
export const documentsChannelInputs = {} as const;

export type DocumentsOutputs = Record<never, never>;
