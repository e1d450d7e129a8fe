import { handlers, validationError } from '../../src-main/api';
import type { AppContext } from '../../src-main/context';
import { channelInputs, type Channel, type ChannelInput, type ChannelOutput } from '../../src-shared/contract';

/**
 * Calls a channel of src-main's handler table on a replica, its input parsed by the contract's schema, for a
 * compatible API that maps its requests onto Candid's: inside `context.changes.write(…)` several calls (and the
 * row's kept values) commit as one transaction, since the handlers' own writes join the outer one. Only for
 * synchronous handlers (every create, update and delete is).
 */
export function invoke<C extends Channel>(context: AppContext, channel: C, input: ChannelInput<C>): ChannelOutput<C> {
  const parsed = channelInputs[channel].safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const handler = handlers[channel] as (input: unknown, context: AppContext) => unknown;
  const result = handler(parsed.data, context);
  if (result instanceof Promise) throw new Error(`${channel} is not synchronous: call it through the Api instead`);
  return result as ChannelOutput<C>;
}
