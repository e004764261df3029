package org.regbench.zoo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One network configuration: model, dropout type, placement, drop rate and other regularizers. Its {@link #text()}
 * is the stable name used on the command line and in CSV files, and {@link #parse(String)} reads it back to an equal
 * value. Construct through {@link #of} or {@link #parse}: they normalize, so equal configurations are equal values
 * (a rate of 0 everywhere is {@link DropoutType#NONE}).
 *
 * @param rate the grid rate for placements that take one; for fixed placements, their headline rate
 */
public record Variant(Model model, DropoutType type, Placement placement, DropRate rate,
                      List<RegularizerSetting> regularizers) {

    public Variant {
        regularizers = List.copyOf(regularizers);
    }

    public static Variant none(Model model, RegularizerSetting... regularizers) {
        return new Variant(model, DropoutType.NONE, Placement.ALL_HIDDEN, DropRate.NONE, List.of(regularizers));
    }

    /** A variant at a grid rate; fixed placements ignore {@code rate} and use their own. */
    public static Variant of(Model model, DropoutType type, Placement placement, DropRate rate,
                             List<RegularizerSetting> regularizers) {
        if (!regularizers.isEmpty() && !model.takesRegularizers()) {
            throw new IllegalArgumentException("regularizers apply to the zoo's models only, not to model "
                    + model.text());
        }
        List<RegularizerSetting> regs = new ArrayList<>(regularizers);
        Collections.sort(regs);
        for (int i = 1; i < regs.size(); i++) {
            if (regs.get(i).kind() == regs.get(i - 1).kind()) {
                throw new IllegalArgumentException("regularizer " + regs.get(i).kind().text() + " given twice");
            }
        }
        if (type == DropoutType.NONE) {
            return new Variant(model, type, Placement.ALL_HIDDEN, DropRate.NONE, regs);
        }
        model.rejection(type).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        model.placementRejection(placement).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        DropRate effective = placement.takesRate() ? rate : placement.headlineRate();
        Variant v = new Variant(model, type, placement, effective, regs);
        return v.siteRates().isEmpty() ? new Variant(model, DropoutType.NONE, Placement.ALL_HIDDEN, DropRate.NONE, regs) : v;
    }

    public static Variant of(Model model, DropoutType type, DropRate rate) {
        return of(model, type, model.defaultPlacement(), rate, List.of());
    }

    /**
     * The nonzero drop rate at each site, keyed by the model's layer index (before batch-norm insertion). The input
     * site takes the placement's input rate; hidden sites that accept the type take the placement's hidden rates in
     * order.
     */
    public Map<Integer, DropRate> siteRates() {
        Map<Integer, DropRate> rates = new TreeMap<>();
        if (type == DropoutType.NONE) {
            return rates;
        }
        int hidden = 0;
        for (Site site : model.sites(placement)) {
            if (!site.accepts(type)) {
                continue;
            }
            DropRate r = site.input() ? placement.inputRate(rate) : placement.hiddenRate(hidden++, rate);
            if (!r.isNone()) {
                rates.put(site.layer(), r);
            }
        }
        return rates;
    }

    public boolean hasDropout() {
        return type != DropoutType.NONE;
    }

    /** The placement's name in CSV files: {@code none} for the no-dropout baseline. */
    public String placementText() {
        return hasDropout() ? placement.text() : "none";
    }

    public String text() {
        StringBuilder sb = new StringBuilder(model.text()).append('/');
        if (!hasDropout()) {
            sb.append("none");
        } else if (!placement.takesRate()) {
            if (type != DropoutType.STANDARD) {
                sb.append(type.text()).append(':');
            }
            sb.append(placement.text());
        } else {
            sb.append(type.text()).append('@').append(rate.text());
            if (placement != model.defaultPlacement()) {
                sb.append(':').append(placement.text());
            }
        }
        for (RegularizerSetting r : regularizers) {
            sb.append('+').append(r.text());
        }
        return sb.toString();
    }

    /** Reads a text form such as {@code cnn/standard@0.5}, {@code mlp/seed} or {@code mlp/none+l2}. */
    public static Variant parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new VariantFormatException(String.valueOf(text), "empty");
        }
        try {
            String[] plus = s.split("\\+", -1);
            List<RegularizerSetting> regs = new ArrayList<>();
            for (int i = 1; i < plus.length; i++) {
                regs.add(RegularizerSetting.parse(plus[i]));
            }
            String head = plus[0];
            int slash = head.indexOf('/');
            Model model = Model.parse(slash < 0 ? head : head.substring(0, slash));
            if (slash < 0) {
                return of(model, DropoutType.NONE, Placement.ALL_HIDDEN, DropRate.NONE, regs);
            }
            String spec = head.substring(slash + 1);
            if (spec.equals("none")) {
                return of(model, DropoutType.NONE, Placement.ALL_HIDDEN, DropRate.NONE, regs);
            }
            int colon = spec.indexOf(':');
            String typeAndRate = colon < 0 ? spec : spec.substring(0, colon);
            Placement placement = colon < 0 ? null : Placement.parse(spec.substring(colon + 1));
            int at = typeAndRate.indexOf('@');
            if (at < 0) {
                if (placement == null) {
                    Placement fixed = Placement.parse(typeAndRate);
                    if (fixed.takesRate()) {
                        throw new VariantFormatException(text, "placement " + fixed.text() + " needs a type and rate");
                    }
                    return of(model, DropoutType.STANDARD, fixed, fixed.headlineRate(), regs);
                }
                if (placement.takesRate()) {
                    throw new VariantFormatException(text, "placement " + placement.text() + " needs a rate (@<rate>)");
                }
                return of(model, DropoutType.parse(typeAndRate), placement, placement.headlineRate(), regs);
            }
            DropoutType type = DropoutType.parse(typeAndRate.substring(0, at));
            DropRate rate = DropRate.parse(typeAndRate.substring(at + 1));
            Placement p = placement == null ? model.defaultPlacement() : placement;
            if (!p.takesRate()) {
                throw new VariantFormatException(text, "placement " + p.text() + " has fixed rates; drop @" + rate.text());
            }
            return of(model, type, p, rate, regs);
        } catch (VariantFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new VariantFormatException(text, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
