package org.synlab.api.eqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    private static final double REL = 1e-12;

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource(delimiter = ';', value = {
        "20 ms;          0.02;      second",
        "-65 mV;         -0.065;    volt",
        "0.02;           0.02;      1",
        "3 nS;           3e-9;      siemens",
        "1*uF/cm**2;     0.01;      farad/metre^2",
        "1 uF/cm2;       0.01;      farad/metre^2",
        "100 Mohm;       1e8;       ohm",
        "0.5 nA;         5e-10;     amp",
        "250 pA;         2.5e-10;   amp",
        "200 pF;         2e-10;     farad",
        "10 Hz;          10;        hertz",
        "1 kHz;          1000;      hertz",
        "5 us;           5e-6;      second",
        "2 um;           2e-6;      metre",
        "3 mm;           3e-3;      metre",
        "1 msiemens;     1e-3;      siemens",
        "4 mS;           4e-3;      siemens",
        "2 uS;           2e-6;      siemens",
        "1 mV/ms;        1;         volt/second",
        "5e-5*siemens/cm**2; 0.5;   siemens/metre^2",
        "100*msiemens*cm**-2; 1000; siemens/metre^2",
        "20000*umetre**2;     2e-8; metre^2",
        "1 volt;         1;         volt",
        "1 V;            1;         volt",
        "1 amp;          1;         amp",
        "1 ohm;          1;         ohm",
        "1 farad;        1;         farad",
        "1 nF;           1e-9;      farad",
        "1 meter;        1;         metre",
        "1 second;       1;         second",
        "1e3 ms;         1;         second",
        "mV;             0.001;     volt",
    })
    void parsesQuantities(String text, double value, String unit) {
        Quantity q = Quantity.parse(text);
        assertEquals(value, q.value(), Math.abs(value) * REL, text);
        assertEquals(unit, q.dimension().toString(), text);
    }

    @Test
    void dimensionArithmetic() {
        // ohm * amp = volt; volt / ohm = amp; siemens = 1/ohm; farad * ohm = second
        assertEquals(Dimension.VOLTAGE, Dimension.RESISTANCE.times(Dimension.CURRENT));
        assertEquals(Dimension.CURRENT, Dimension.VOLTAGE.divide(Dimension.RESISTANCE));
        assertEquals(Dimension.CONDUCTANCE, Dimension.RESISTANCE.power(-1));
        assertEquals(Dimension.TIME, Dimension.CAPACITANCE.times(Dimension.RESISTANCE));
        assertEquals(Dimension.FREQUENCY, Dimension.TIME.power(-1));
        assertEquals(Dimension.LENGTH, Dimension.LENGTH.power(2).root(2));
        assertEquals(null, Dimension.VOLTAGE.root(2));
        assertTrue(Dimension.VOLTAGE.divide(Dimension.VOLTAGE).isDimensionless());
        assertFalse(Dimension.VOLTAGE.isDimensionless());
    }

    @Test
    void printsNamedUnits() {
        assertEquals("volt", Dimension.VOLTAGE.toString());
        assertEquals("amp", Dimension.CURRENT.toString());
        assertEquals("siemens", Dimension.CONDUCTANCE.toString());
        assertEquals("volt/second", Dimension.VOLTAGE.divide(Dimension.TIME).toString());
        assertEquals("1", Dimension.NONE.toString());
        assertEquals("m^3 s^-1", Dimension.LENGTH.power(3).divide(Dimension.TIME).toString());
    }

    @Test
    void convertsToAUnit() {
        assertEquals(20, Quantity.parse("0.02 s").in(Units.lookup("ms").orElseThrow()), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("1 mV").in(Units.lookup("ms").orElseThrow()));
    }

    @Test
    void prefixedNamesDoNotShadowPlainOnes() {
        assertEquals(1, Units.lookup("m").orElseThrow().scale());
        assertEquals(1e-3, Units.lookup("ms").orElseThrow().scale());
        assertEquals(Dimension.TIME, Units.lookup("ms").orElseThrow().dimension());
        assertEquals(Dimension.CONDUCTANCE, Units.lookup("mS").orElseThrow().dimension());
        assertEquals(1, Units.lookup("kg").orElseThrow().scale(), 1e-15);
        assertTrue(Units.lookup("dt").isEmpty());
    }

    @Test
    void rejectsWhatIsNotAQuantityWithItsColumn() {
        EquationException e = assertThrows(EquationException.class, () -> Quantity.parse("20 mz"));
        assertEquals(1, e.line());
        assertEquals(4, e.column());
        assertEquals("line 1, column 4: 'mz' is not a unit", e.getMessage());
        EquationException sum = assertThrows(EquationException.class, () -> Quantity.parse("1*mV + 2*ms"));
        assertEquals(6, sum.column());
        assertTrue(sum.problem().contains("units do not agree: volt + second"), sum.getMessage());
        EquationException bad = assertThrows(EquationException.class, () -> Quantity.parse("20 ms $"));
        assertEquals(7, bad.column());
    }
}
