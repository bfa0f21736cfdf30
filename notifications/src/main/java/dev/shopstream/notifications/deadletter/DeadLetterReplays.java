package dev.shopstream.notifications.deadletter;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.inbox.InboxConsumer;
import dev.shopstream.commons.inbox.UnprocessableEventException;
import dev.shopstream.notifications.notice.NoticeConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Staff's view of the records notifications' consumers gave up on, and their replay: a dead letter goes through the
 * handlers and inbox of the consumer that gave up on it, so it has its effect once however often it is replayed (a
 * second replay finds it a duplicate). Other services' dead letters in the same topics are theirs and not listed.
 */
@ApplicationScoped
public class DeadLetterReplays {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplays.class.getName());
    /** How many of the newest dead letters per partition are listed and replayed at most. */
    static final int LATEST = 500;

    @Inject
    DeadLetterTopics topics;

    @Inject
    ReplayStore replays;

    @Inject
    InboxConsumer inbox;

    @Inject
    Instance<NoticeConsumer> consumers;

    /** How a replay of all went. */
    public record Summary(int applied, int duplicate, int ignored, int failed) {
    }

    /** The dead-letter topics notifications' consumers write to, each once (two consumers read order.lifecycle). */
    public List<String> deadLetterTopics() {
        return consumers.stream().map(consumer -> consumer.topic() + ".dlq").distinct().sorted().toList();
    }

    /** Notifications' dead letters in the topic (or all of them), newest first. */
    public List<DeadLetter> list(Optional<String> topic) {
        List<String> wanted = deadLetterTopics().stream()
                .filter(deadLetterTopic -> topic.isEmpty() || topic.get().equals(deadLetterTopic)).toList();
        Map<String, List<DeadLetter>> byTopic = topics.latest(wanted, LATEST).stream()
                .filter(letter -> consumerOf(letter).isPresent())
                .collect(Collectors.groupingBy(DeadLetter::topic));
        List<DeadLetter> letters = new ArrayList<>();
        for (String deadLetterTopic : wanted) {
            letters.addAll(replays.withReplays(deadLetterTopic, byTopic.getOrDefault(deadLetterTopic, List.of())));
        }
        return letters;
    }

    /** Replays one dead letter. */
    public DeadLetter replay(String topic, int partition, long offset, String by) {
        DeadLetter letter = topics.find(topic, partition, offset).filter(found -> consumerOf(found).isPresent())
                .orElseThrow(() -> new UnknownEntityException("Dead letter", topic + "/" + partition + "@" + offset));
        Replay replay = replayed(letter, by);
        if (replay.failure() != null) {
            throw new RuleViolationException("The dead letter cannot be replayed: " + replay.failure());
        }
        return replay.letter();
    }

    /** Replays every dead letter of notifications' that no replay has settled yet, oldest first. */
    public Summary replayAll(String by) {
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("applied", 0, "duplicate", 0, "ignored", 0,
                "failed", 0));
        List<DeadLetter> pending = new ArrayList<>(list(Optional.empty()).stream()
                .filter(letter -> !letter.settled()).toList());
        Collections.reverse(pending);
        for (DeadLetter letter : pending) {
            counts.merge(replayed(letter, by).letter().lastReplay(), 1, Integer::sum);
        }
        return new Summary(counts.get("applied"), counts.get("duplicate"), counts.get("ignored"), counts.get("failed"));
    }

    /** A replay's dead letter with its outcome, and why it failed if it did. */
    private record Replay(DeadLetter letter, String failure) {
    }

    private Replay replayed(DeadLetter letter, String by) {
        NoticeConsumer consumer = consumerOf(letter).orElseThrow();
        String outcome;
        String detail = null;
        try {
            outcome = inbox.replay(consumer.name(), letter.payload(), consumer.handlers()).name()
                    .toLowerCase(Locale.ROOT);
        } catch (UnprocessableEventException e) {
            outcome = "failed";
            detail = e.getMessage();
        }
        Instant now = Instant.now();
        replays.record(letter, outcome, detail, by, now);
        String result = outcome;
        LOG.info(() -> by + " replayed dead letter " + letter.topic() + "/" + letter.partition() + "@"
                + letter.offset() + ": " + result);
        return new Replay(letter.replayed(outcome, by, now), detail);
    }

    private Optional<NoticeConsumer> consumerOf(DeadLetter letter) {
        return consumers.stream().filter(consumer -> consumer.name().equals(letter.consumer())
                && letter.topic().equals(consumer.topic() + ".dlq")).findFirst();
    }
}
