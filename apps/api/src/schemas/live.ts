import { Type } from 'typebox';

/** A 200 answered as Server-Sent Events: documented as text/event-stream, never serialized as JSON. */
export function EventStreamResponse(description: string) {
  return {
    description,
    content: { 'text/event-stream': { schema: Type.String({ description }) } },
  };
}

export const LastEventIdHeaders = Type.Object({
  'last-event-id': Type.Optional(
    Type.String({
      maxLength: 128,
      description:
        'The id of the last message received (EventSource sends it when reconnecting): that state is not sent again',
    }),
  ),
});
