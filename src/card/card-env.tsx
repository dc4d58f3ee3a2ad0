import { createContext, useContext } from 'react';
import type { Channel } from '../shared/channels';

/** What the host can do for the card beyond giving it the conversation. */
export type CardActions = {
  /** Puts text into the agent's reply box; absent when the host cannot. */
  insertText?: (text: string) => void;
};

/** What every view of the card needs to know about the agent and the conversation. */
export type CardEnv = {
  /** The agent's locale, for numbers, money and dates. */
  locale: string;
  channel: Channel | undefined;
  actions: CardActions;
  /** Where the agent is, for the order actions' audit log. */
  conversation?: { conversationId?: string; host?: string };
};

const CardEnvContext = createContext<CardEnv | null>(null);

export const CardEnvProvider = CardEnvContext.Provider;

export function useCardEnv(): CardEnv {
  const env = useContext(CardEnvContext);
  if (!env) throw new Error('useCardEnv needs a CardEnvProvider');
  return env;
}
