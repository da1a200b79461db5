import type { ReservationCustomer } from "../policy/index.ts";
import { categorical, makeSampler, type StreamFactory } from "../random/index.ts";
import { UNKNOWN_CUSTOMER } from "./chatOutcome.ts";
import type { ChatSegmentConfig } from "./config.ts";

/**
 * Who asks, in the chat-only model: a segment by weight and its cart value, each from its own stream
 * (`chatSegment`, `chatCartValue`), so the desk's reservation can tell classes apart. Without segments
 * every chat is the unknown customer and nothing is drawn.
 */
export function chatCustomerSource(segments: readonly ChatSegmentConfig[], streams: StreamFactory): () => ReservationCustomer {
  if (segments.length === 0) return () => UNKNOWN_CUSTOMER;
  const segmentOf = categorical(
    streams.stream("chatSegment"),
    segments.map((segment) => segment.weight),
  );
  const cartValueSource = streams.stream("chatCartValue");
  const cartValues = segments.map((segment) => makeSampler(segment.cartValue, cartValueSource));
  return () => {
    const index = segmentOf.sample();
    return { segment: segments[index].name, cartValue: Math.max(0, cartValues[index].sample()) };
  };
}
