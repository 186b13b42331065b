package org.synlab.monitoring.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Applies {@link Downsampler} to a history in the {@link org.synlab.monitoring.RunHistory#history}
 * form, series by series, so that a tab asking for a long run gets at most the points it can draw.
 */
public final class HistoryThinning {

    private HistoryThinning() {
    }

    /** A copy of {@code history} with every series cut to at most {@code maxPoints} points. */
    public static JsonObject thin(JsonObject history, int maxPoints) {
        JsonObject out = history.copy();
        JsonObject series = history.getJsonObject("series", new JsonObject());
        JsonObject thinned = new JsonObject();
        for (String name : series.fieldNames()) {
            thinned.put(name, thinSeries(name, series.getJsonObject(name), maxPoints));
        }
        return out.put("series", thinned);
    }

    private static JsonObject thinSeries(String name, JsonObject s, int maxPoints) {
        JsonArray xs = s.getJsonArray("x", new JsonArray());
        JsonArray ys = s.getJsonArray("y", new JsonArray());
        if (xs.size() != ys.size()) {
            throw new IllegalArgumentException("series " + name + " has " + xs.size() + " x and " + ys.size() + " y values");
        }
        int n = xs.size();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Number v = ys.getNumber(i);
            y[i] = v == null ? Double.NaN : v.doubleValue();
        }
        int[] keep = Downsampler.keep(y, n, maxPoints);
        JsonArray outX = new JsonArray();
        JsonArray outY = new JsonArray();
        for (int i : keep) {
            outX.add(xs.getValue(i));
            outY.add(ys.getValue(i));
        }
        return new JsonObject().put("x", outX).put("y", outY);
    }
}
