package org.callmask.service;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether CallMask buys numbers for a service's pool by itself: when an allocation finds no number
 * that matches the geo rule, or free capacity falls under the low watermark. Never more than
 * {@code maxNumbers} in the pool through buying.
 *
 * @param maxNumbers the most numbers the pool may hold for CallMask to still buy one
 * @param areaCodes the area codes it may buy in, in order of preference; empty for any in {@code
 *     country} (a shortage in one area code buys there)
 * @param country ISO 3166 alpha-2, such as {@code US}: numbers are bought in this country only
 */
public record AutoBuy(boolean enabled, int maxNumbers, List<String> areaCodes, String country) {

    public static final int MAX_NUMBERS = 1000;
    public static final int MAX_AREA_CODES = 20;

    // Before OFF, which the constructor checks against it.
    private static final Set<String> REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();

    /** The setting of a service that never set one. */
    public static final AutoBuy OFF = new AutoBuy(false, 0, List.of(), "US");

    public AutoBuy {
        areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        Optional<Problem> problem = problem(enabled, maxNumbers, areaCodes, country);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("pool.auto_buy." + problem.get().field() + " "
                    + problem.get().message());
        }
    }

    /** Which field is wrong, and how. */
    public record Problem(String field, String message) {}

    /** What is wrong with these values, if anything. */
    public static Optional<Problem> problem(boolean enabled, int maxNumbers, List<String> areaCodes, String country) {
        if (maxNumbers < 0 || maxNumbers > MAX_NUMBERS || enabled && maxNumbers < 1) {
            return Optional.of(new Problem("max_numbers", "must be between 1 and " + MAX_NUMBERS));
        }
        if (country == null || !REGIONS.contains(country.toUpperCase(Locale.ROOT))) {
            return Optional.of(new Problem("country", "must be an ISO 3166 alpha-2 code such as US"));
        }
        if (areaCodes.size() > MAX_AREA_CODES) {
            return Optional.of(new Problem("area_codes", "must hold at most " + MAX_AREA_CODES + " area codes"));
        }
        if (!areaCodes.stream().allMatch(a -> a != null && a.matches("[0-9]{2,5}"))) {
            return Optional.of(new Problem("area_codes", "must hold area codes of 2 to 5 digits, such as 415"));
        }
        return Optional.empty();
    }

    /**
     * The area codes to search in for a shortage: the one it happened in (if this service may buy
     * there), else those configured; one empty entry means anywhere in the country.
     */
    public List<Optional<String>> searchAreas(Optional<String> shortageArea) {
        if (shortageArea.isPresent()) {
            return areaCodes.isEmpty() || areaCodes.contains(shortageArea.get()) ? List.of(shortageArea) : List.of();
        }
        return areaCodes.isEmpty()
                ? List.of(Optional.empty())
                : areaCodes.stream().map(Optional::of).toList();
    }
}
