package eu.rathaus.catalogue.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * How much an application costs. Either a fixed amount, or an amount that depends on the option the
 * citizen picked in one single-choice field (e.g. a parking permit for one or two years). The rule
 * is part of the frozen version, so the fee of a submitted application can always be recomputed.
 */
public sealed interface FeeRule extends Serializable permits FeeRule.Fixed, FeeRule.ByChoice {

  /**
   * The fee for these answers, empty if it cannot be determined yet (the deciding choice is not
   * answered, or answered with an unknown key — answer validation reports that separately).
   */
  Optional<Money> evaluate(JsonNode answers);

  /** The smallest fee the service can cost, for catalogue listings ("ab 15,00 €"). */
  Money minimum();

  /** The same amount whatever the answers; zero means free of charge. */
  record Fixed(Money amount) implements FeeRule {
    @Override
    public Optional<Money> evaluate(JsonNode answers) {
      return Optional.of(amount);
    }

    @Override
    public Money minimum() {
      return amount;
    }
  }

  /** An amount per choice key of the single-choice field {@code fieldKey}. */
  record ByChoice(String fieldKey, Map<String, Money> amounts) implements FeeRule {
    public ByChoice {
      amounts = Map.copyOf(amounts);
    }

    @Override
    public Optional<Money> evaluate(JsonNode answers) {
      if (answers == null) {
        return Optional.empty();
      }
      JsonNode value = answers.get(fieldKey);
      if (value == null || !value.isTextual()) {
        return Optional.empty();
      }
      return Optional.ofNullable(amounts.get(value.textValue()));
    }

    @Override
    public Money minimum() {
      return amounts.values().stream().min(Money::compareTo).orElse(Money.ZERO);
    }
  }
}
