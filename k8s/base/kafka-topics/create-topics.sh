#!/usr/bin/env bash
# Creates the platform's Kafka topics; safe to run again (--if-not-exists). Records up to 8 MiB: the
# ShowScheduled of a 60,000-seat arena is about 4 MB of JSON before compression.
# Used by the kafka-topics Job (k8s/base/kafka-topics) and the kafka-init service (docker-compose.yml).
#
#   TICKETING_KAFKA_BOOTSTRAP_SERVERS    e.g. kafka:9092
#   TICKETING_KAFKA_TOPIC_PARTITIONS     default 6
#   TICKETING_KAFKA_TOPIC_REPLICATION    default 1 (3 in production)
#   TICKETING_KAFKA_TOPIC_MIN_INSYNC_REPLICAS  default 1 (2 in production: with acks=all a write is on two brokers
#                                        before the producer hears of it, and one broker may be down)
#   TICKETING_KAFKA_CLIENT_PROPERTIES    a Kafka client properties file (SASL, TLS) for a secured cluster, used when
#                                        it exists; the Job mounts it from the optional Secret kafka-client
set -euo pipefail

bootstrap="${TICKETING_KAFKA_BOOTSTRAP_SERVERS:?TICKETING_KAFKA_BOOTSTRAP_SERVERS is required}"
partitions="${TICKETING_KAFKA_TOPIC_PARTITIONS:-6}"
replication="${TICKETING_KAFKA_TOPIC_REPLICATION:-1}"
min_insync="${TICKETING_KAFKA_TOPIC_MIN_INSYNC_REPLICAS:-1}"
kafka_topics=/opt/kafka/bin/kafka-topics.sh
client_properties="${TICKETING_KAFKA_CLIENT_PROPERTIES:-}"
secured=()
if [ -n "$client_properties" ] && [ -f "$client_properties" ]; then
  secured=(--command-config "$client_properties")
fi

topics=(
  catalog.show-events
  catalog.catalog-events
  reservation.hold-events
  booking.booking-events
  waiting.waitlist-events
  payment.payment-events
  notification.ticket-events
  # dead letters: events a service's consumers can never apply, kept for operators (admin API)
  catalog.dead-letters
  reservation.dead-letters
  booking.dead-letters
  waiting.dead-letters
  payment.dead-letters
  notification.dead-letters
)

for attempt in $(seq 1 30); do
  if "$kafka_topics" --bootstrap-server "$bootstrap" ${secured[@]+"${secured[@]}"} --list >/dev/null 2>&1; then
    break
  fi
  if [ "$attempt" -eq 30 ]; then
    echo "Kafka at $bootstrap did not answer" >&2
    exit 1
  fi
  echo "waiting for Kafka at $bootstrap ($attempt)"
  sleep 5
done

for topic in "${topics[@]}"; do
  "$kafka_topics" --bootstrap-server "$bootstrap" ${secured[@]+"${secured[@]}"} --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor "$replication" \
    --config max.message.bytes=8388608 --config min.insync.replicas="$min_insync"
done
echo "topics ready:"
"$kafka_topics" --bootstrap-server "$bootstrap" ${secured[@]+"${secured[@]}"} --list
