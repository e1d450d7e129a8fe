/** Channels of the statistics domain: input schemas here, outputs in StatisticsOutputs (merged into the contract). */
export const statisticsChannelInputs = {} as const;

export type StatisticsOutputs = Record<never, never>;
