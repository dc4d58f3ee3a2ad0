import type { chatwootAgent, chatwootRecords } from './chatwoot-records';
import type { DemoConversation } from './conversations';

/** What each page of the demo inbox hands its scripts, as JSON in `#inbox-data`. */
export type InboxData = {
  conversations: DemoConversation[];
  cardOrigin: string;
  /** Whether the inbox can change a shopper in the sandbox store (the demo runs on it). */
  sandbox: boolean;
  /** On the Chatwoot page: the agent and each conversation as Chatwoot's dashboard sends them. */
  chatwoot?: { agent: typeof chatwootAgent; records: ReturnType<typeof chatwootRecords>[] };
};
