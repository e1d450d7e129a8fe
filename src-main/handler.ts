import type { Channel, ChannelOutput, ParsedInput } from '../src-shared/contract';
import type { AppContext } from './context';

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  context: AppContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type Handlers = { [C in Channel]: Handler<C> };

/** Each domain declares its handlers with this, so a wrong input or output type fails type checking. */
export function defineHandlers<K extends Channel>(handlers: { [C in K]: Handler<C> }): { [C in K]: Handler<C> } {
  return handlers;
}
