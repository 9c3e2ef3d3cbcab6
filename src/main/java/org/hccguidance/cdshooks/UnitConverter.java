package org.hccguidance.cdshooks;

import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Converts a measured value to the unit the guidance takes, with UCUM (the FHIR validator's UCUM
 * library and its unit table). Molar results (bilirubin in umol/L) are converted through the molar mass
 * that {@code fields.tsv} gives, since UCUM cannot relate moles to grams by itself. Anything that cannot
 * be converted is refused with the reason, never guessed.
 *
 * <p>UCUM's arithmetic works on decimal strings of high precision and costs milliseconds per conversion,
 * so each unit pair's factor is computed once and cached (after checking that the conversion is linear;
 * units with an offset, such as degrees Celsius, are converted afresh each time).
 */
@Component
public class UnitConverter {

    /** A converted value, or the reason it was refused. */
    public record Result(Double value, String refusal) {

        static Result ok(double v) {
            return new Result(v, null);
        }

        static Result refused(String why) {
            return new Result(null, why);
        }
    }

    private final UcumEssenceService ucum;
    /** from|to -> factor, or NaN when the conversion is not a plain factor. */
    private final java.util.concurrent.ConcurrentHashMap<String, Double> factors = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<String>> validity = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> comparable = new java.util.concurrent.ConcurrentHashMap<>();

    public UnitConverter() {
        try (InputStream in = UcumEssenceService.class.getClassLoader().getResourceAsStream("ucum-essence.xml")) {
            if (in == null) {
                throw new IllegalStateException("ucum-essence.xml is missing from the UCUM library");
            }
            this.ucum = new UcumEssenceService(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UcumException e) {
            throw new IllegalStateException("the UCUM unit table cannot be read", e);
        }
    }

    /** Null when the unit is valid UCUM, else why not. */
    public String validate(String unit) {
        return validity.computeIfAbsent(unit, u -> java.util.Optional.ofNullable(ucum.validate(u))).orElse(null);
    }

    private boolean comparable(String from, String to) {
        return comparable.computeIfAbsent(from + '|' + to, k -> {
            try {
                return ucum.isComparable(from, to);
            } catch (UcumException | RuntimeException e) {
                return false;
            }
        });
    }

    /**
     * @param value      the measured value
     * @param unit       its UCUM code (null or empty: unitless)
     * @param target     the unit the guidance takes
     * @param molarMass  g/mol for converting a molar concentration, or null
     */
    public Result convert(double value, String unit, String target, Double molarMass) {
        String from = unit == null || unit.isBlank() ? "1" : unit.trim();
        String problem = validate(from);
        if (problem != null) {
            return Result.refused("unit '" + from + "' is not a UCUM unit");
        }
        try {
            if (comparable(from, target)) {
                return Result.ok(convert(value, from, target));
            }
            if (molarMass != null && comparable(from, "mol/L") && comparable("g/L", target)) {
                double molPerL = convert(value, from, "mol/L");
                return Result.ok(convert(molPerL * molarMass, "g/L", target));
            }
            return Result.refused("unit '" + from + "' cannot be converted to " + target
                    + (molarMass == null && comparable(from, "mol/L") ? " (no molar mass is configured for this field)" : ""));
        } catch (UcumException | RuntimeException e) {
            return Result.refused("unit '" + from + "' cannot be converted to " + target);
        }
    }

    private double convert(double value, String from, String to) throws UcumException {
        if (from.equals(to)) {
            return value;
        }
        String key = from + '|' + to;
        Double factor = factors.get(key);
        if (factor == null) {
            double one = exact(1, from, to);
            double two = exact(2, from, to);
            factor = Math.abs(two - 2 * one) <= 1e-12 * Math.max(1, Math.abs(two)) ? one : Double.NaN;
            factors.put(key, factor);
        }
        return factor.isNaN() ? exact(value, from, to) : value * factor;
    }

    private double exact(double value, String from, String to) throws UcumException {
        Decimal result = ucum.convert(new Decimal(Double.toString(value)), from, to);
        return Double.parseDouble(result.asDecimal());
    }
}
