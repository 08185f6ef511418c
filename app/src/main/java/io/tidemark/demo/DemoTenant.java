package io.tidemark.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * A tenant of the demo platform and what shapes its data.
 *
 * @param id            its key
 * @param name          its name (folder name)
 * @param weight        its share of traffic (the largest is 100 times the smallest)
 * @param iflows        the integration flows it runs
 * @param lastActiveDay the last day it produced data (inactive tenants stop early)
 * @param jobLogRoot    the settings value that moves its job logs, or null
 * @param compressedArchives whether its archives are gzip-compressed
 */
record DemoTenant(long id, String name, double weight, List<String> iflows, LocalDate lastActiveDay, String jobLogRoot,
                  boolean compressedArchives) {

    boolean active(LocalDate lastDay) {
        return !lastActiveDay.isBefore(lastDay);
    }
}
