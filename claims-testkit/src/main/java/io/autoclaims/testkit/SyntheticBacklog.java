package io.autoclaims.testkit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A seeded synthetic backlog in the contract's JSON Lines, of any size, for tests and benchmarks: a
 * realistic mix of warranty (about 50 %), insurance (32 %) and roadside-assistance (18 %) claims
 * modelled on {@code examples/claims/*.jsonl}, with ids, dates, amounts, parts, causes, documents and
 * flags varied so that most rule rows of the default rulebook fire (approvals, partial approvals,
 * denials, referrals, missing documents, 三包 remedies, deductibles, tariffs). About 1 % of the lines are
 * bad in one of 15 ways (misspelt or unknown field, negative or quoted number, impossible date, unknown
 * enum, missing field, duplicate key, truncated or trailing JSON, a CSV line, a blank line, {@code null},
 * an array, a too-long claim id, a short VIN), and about 0.2 % end with {@code \r\n}.
 *
 * <p>Line {@code i} depends only on {@code (seed, i)}: the same seed always gives the same backlog, and
 * a longer backlog starts with the shorter one. Dates lie in 2021-03..2026-03; nothing reads the clock.
 */
public final class SyntheticBacklog {
    private static final LocalDate LATEST = LocalDate.of(2026, 3, 1);
    private static final int BAD_KINDS = 15;

    private SyntheticBacklog() {
    }

    /**
     * Lines {@code 1..n} as strings without their {@code \n} (a CRLF line keeps its {@code \r}).
     *
     * @param n    how many lines, 0 or more
     * @param seed the seed: the same seed and line number give the same line
     * @return the lines, lazily generated
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public static Stream<String> lines(long n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return LongStream.rangeClosed(1, n).mapToObj(i -> line(i, seed));
    }

    /**
     * Writes {@code lines} lines, each ended by {@code \n}, UTF-8, replacing {@code out}.
     *
     * @param out   the file to write
     * @param lines how many lines, 0 or more
     * @param seed  the seed, as for {@link #lines}
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when {@code lines} is negative
     */
    public static void write(Path out, long lines, long seed) throws IOException {
        if (lines < 0) {
            throw new IllegalArgumentException("lines must be >= 0, got " + lines);
        }
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
                StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 1; i <= lines; i++) {
                w.write(line(i, seed));
                w.write('\n');
            }
        }
    }

    /** Line {@code index} (1-based) of the backlog of {@code seed}. */
    static String line(long index, long seed) {
        SplittableRandom r = random(index, seed);
        int kind = r.nextInt(1000);
        String claim;
        int type = r.nextInt(100);
        if (type < 50) {
            claim = new Warranty(r, "W-" + id(index)).json();
        } else if (type < 82) {
            claim = new Insurance(r, "I-" + id(index)).json();
        } else {
            claim = new Assistance(r, "A-" + id(index)).json();
        }
        if (kind < 10) {
            return bad(claim, r.nextInt(BAD_KINDS), r);
        }
        return kind < 12 ? claim + "\r" : claim;
    }

    /** True when line {@code index} is one of the deliberately bad ones (for tests). */
    static boolean isBad(long index, long seed) {
        return random(index, seed).nextInt(1000) < 10;
    }

    private static SplittableRandom random(long index, long seed) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    private static String id(long index) {
        String s = Long.toString(index);
        return s.length() >= 9 ? s : "000000000".substring(s.length()) + s;
    }

    // ---- bad lines -------------------------------------------------------------------------------

    private static final Pattern ODOMETER = Pattern.compile("\"odometerKm\":(\\d+)");
    private static final Pattern SUBMITTED = Pattern.compile("\"submittedOn\":\"(\\d{4})-\\d{2}-\\d{2}\"");
    private static final Pattern CAUSE = Pattern.compile("\"cause\":\"[A-Z_]+\"");
    private static final Pattern VIN = Pattern.compile("\"vin\":\"([A-Z0-9]{17})\",");
    private static final Pattern CLAIM_ID = Pattern.compile("\"claimId\":\"([^\"]+)\"");

    private static String bad(String claim, int kind, SplittableRandom r) {
        return switch (kind) {
            case 0 -> claim.replace("\"odometerKm\":", "\"odometer\":");
            case 1 -> claim.replace("\"odometerKm\":", "\"odometerKm\":-");
            case 2 -> {
                Matcher m = CLAIM_ID.matcher(claim);
                m.find();
                yield m.group(1) + ",L" + vin(r).substring(1) + ",2025-11-19,ENGINE,机油泵 oil pump,ENG-OIL-PRESS,1260.00";
            }
            case 3 -> claim.substring(0, claim.length() / 2 + r.nextInt(claim.length() / 3));
            case 4 -> "";
            case 5 -> ODOMETER.matcher(claim).replaceFirst("\"odometerKm\":\"$1\"");
            case 6 -> SUBMITTED.matcher(claim).replaceFirst("\"submittedOn\":\"$1-02-30\"");
            case 7 -> CAUSE.matcher(claim).replaceFirst("\"cause\":\"FLOOD\"");
            case 8 -> VIN.matcher(claim).replaceFirst("");
            case 9 -> "[" + claim + "]";
            case 10 -> claim.replaceFirst("\\{\"claimId\":\"([^\"]+)\",", "{\"claimId\":\"$1\",\"claimId\":\"$1-DUP\",");
            case 11 -> claim + "}";
            case 12 -> CLAIM_ID.matcher(claim).replaceFirst("\"claimId\":\"" + "X".repeat(65) + "\"");
            case 13 -> VIN.matcher(claim).replaceFirst("\"vin\":\"" + "L" + "0".repeat(15) + "\",");
            default -> "null";
        };
    }

    // ---- JSON text -------------------------------------------------------------------------------

    /** Appends JSON without a tree: a comma goes before a key or element unless one was just opened. */
    private static final class Json {
        final StringBuilder s = new StringBuilder(1200);

        private void comma() {
            if (s.length() > 0) {
                char c = s.charAt(s.length() - 1);
                if (c != '{' && c != '[' && c != ':') {
                    s.append(',');
                }
            }
        }

        Json key(String k) {
            comma();
            s.append('"').append(k).append("\":");
            return this;
        }

        Json open() {
            comma();
            s.append('{');
            return this;
        }

        Json open(String k) {
            key(k).s.append('{');
            return this;
        }

        Json close() {
            s.append('}');
            return this;
        }

        Json array(String k) {
            key(k).s.append('[');
            return this;
        }

        Json end() {
            s.append(']');
            return this;
        }

        Json str(String k, String v) {
            key(k);
            return quoted(v);
        }

        Json quoted(String v) {
            comma();
            s.append('"');
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"' || c == '\\') {
                    s.append('\\');
                }
                s.append(c);
            }
            s.append('"');
            return this;
        }

        Json num(String k, long v) {
            key(k).s.append(v);
            return this;
        }

        Json raw(String k, String v) {
            key(k).s.append(v);
            return this;
        }

        Json bool(String k, boolean v) {
            key(k).s.append(v);
            return this;
        }

        Json date(String k, LocalDate d) {
            return str(k, d.toString());
        }

        /** Money given in fen, written with 2 decimals. */
        Json money(String k, long fen) {
            key(k).s.append(fen / 100).append('.');
            long f = fen % 100;
            s.append(f < 10 ? "0" : "").append(f);
            return this;
        }

        Json strs(String k, List<String> values) {
            array(k);
            for (String v : values) {
                quoted(v);
            }
            return end();
        }

        @Override
        public String toString() {
            return s.toString();
        }
    }

    // ---- shared pieces -----------------------------------------------------------------------------

    private static final String[] CITIES = {"SH", "BJ", "GZ", "SZ", "CD", "HZ", "WH", "NJ", "CQ", "TJ", "XA", "CS"};
    private static final char[] VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789".toCharArray();
    private static final String[] WMI = {"LSG", "LFV", "LVG", "LGB", "LHG", "LSV", "LVS", "LB3", "LFM", "LGX", "LRW",
        "L6T", "LVV", "LNB", "LDC", "LGW", "LS5", "LBV", "LMG", "LE4"};

    private static String vin(SplittableRandom r) {
        StringBuilder v = new StringBuilder(17).append(WMI[r.nextInt(WMI.length)]);
        while (v.length() < 17) {
            v.append(VIN_CHARS[r.nextInt(VIN_CHARS.length)]);
        }
        return v.toString();
    }

    private static String shop(SplittableRandom r) {
        return "4S-" + CITIES[r.nextInt(CITIES.length)] + "-0" + (100 + r.nextInt(900));
    }

    private static long between(SplittableRandom r, long from, long to) {
        return from + (long) (r.nextDouble() * (to - from + 1));
    }

    /** A price in fen rounded to whole hundreds of yuan. */
    private static long price(SplittableRandom r, long minYuan, long maxYuan) {
        return between(r, minYuan / 100, maxYuan / 100) * 100 * 100;
    }

    /** A quote in fen rounded to whole tens of yuan. */
    private static long quote(SplittableRandom r, long minYuan, long maxYuan) {
        return between(r, minYuan / 10, maxYuan / 10) * 10 * 100;
    }

    private static boolean chance(SplittableRandom r, int percent) {
        return r.nextInt(100) < percent;
    }

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** Picks a scenario by weight. */
    private static int scenario(SplittableRandom r, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private record Part(String system, String part, String problem, boolean main, int repairablePercent,
                        long minQuote, long maxQuote) {
    }

    private static final Part[] WARRANTY_PARTS = {
        new Part("ENGINE", "水泵 water pump", "ENG-COOLANT-LEAK", false, 30, 900, 1800),
        new Part("ENGINE", "气门室盖垫 valve cover gasket", "ENG-OIL-LEAK", false, 80, 600, 1500),
        new Part("ENGINE", "涡轮增压器 turbocharger", "ENG-TURBO-SMOKE", true, 20, 8000, 14000),
        new Part("ENGINE", "节温器 thermostat", "ENG-OVERHEAT", false, 10, 400, 700),
        new Part("ENGINE", "点火线圈 ignition coil", "ENG-MISFIRE", false, 0, 300, 900),
        new Part("TRANSMISSION", "变速器阀体 valve body", "TRN-SHIFT-JERK", false, 60, 2600, 7900),
        new Part("TRANSMISSION", "DCT双离合器 dual clutch", "TRN-CLUTCH-SLIP", true, 60, 6800, 24500),
        new Part("TRACTION_BATTERY", "电池管理系统主板 BMS board", "BAT-BMS-FAULT", false, 60, 3600, 9200),
        new Part("TRACTION_BATTERY", "动力电池模组 battery module", "BAT-CELL-IMBAL", true, 30, 9000, 26000),
        new Part("DRIVE_MOTOR", "电机控制器 motor inverter", "EDU-INV-FAULT", false, 20, 5000, 12800),
        new Part("STEERING", "转向机 steering rack", "STR-RACK-NOISE", false, 60, 1850, 6400),
        new Part("BRAKE", "ABS泵 ABS pump", "BRK-ABS-FAIL", false, 50, 2900, 7400),
        new Part("BRAKE", "左后制动卡钳 LR brake caliper", "BRK-CALIPER-STICK", false, 70, 680, 1350),
        new Part("SUSPENSION", "左前减震器 LF shock absorber", "SUS-SHOCK-LEAK", true, 10, 900, 1960),
        new Part("SUSPENSION", "右前下摆臂 RF lower control arm", "SUS-ARM-CLUNK", false, 10, 700, 1400),
        new Part("ELECTRICAL", "左前车窗升降器电机 LF window regulator motor", "ELE-WINDOW-FAIL", false, 10, 500, 980),
        new Part("ELECTRICAL", "倒车影像摄像头 reversing camera", "ELE-CAM-FLICKER", false, 50, 380, 1260),
        new Part("ELECTRICAL", "车身控制模块 BCM", "ELE-BCM-FAULT", false, 20, 1200, 3260),
        new Part("ELECTRICAL", "中控屏主机 head unit", "ELE-HU-REBOOT", false, 60, 450, 6800),
        new Part("AIR_CONDITIONING", "空调压缩机 AC compressor", "AC-NO-COOL", false, 10, 3000, 4680),
        new Part("INTERIOR", "主驾座椅加热垫 driver seat heater", "INT-SEAT-HEAT", false, 60, 320, 890),
        new Part("BODY", "天窗导轨 sunroof rail", "BODY-SUNROOF-NOISE", false, 70, 350, 2100),
        new Part("LOW_VOLTAGE_BATTERY", "12V蓄电池 12 V battery", "LVB-NO-START", false, 0, 600, 900),
        new Part("WEAR_PART", "前刹车片 front brake pads", "BRK-PAD-WORN", false, 0, 480, 620),
        new Part("WEAR_PART", "雨刮片 wiper blades", "WPR-RUBBER-SPLIT", false, 0, 120, 200),
        new Part("FLUID", "冷却液 coolant top-up", null, false, 0, 80, 160),
        new Part("ACCESSORY", "加装行车记录仪 after-market dash cam", "ACC-DVR-DEAD", false, 0, 400, 900),
    };

    /** Parts whose failure is a serious safety failure, with the fault it is. */
    private static final Part[] SAFETY_PARTS = {
        new Part("BRAKE", "制动总泵 brake master cylinder", "BRK-PEDAL-SOFT", false, 0, 1200, 1680),
        new Part("STEERING", "电动助力转向管柱 EPS column", "STR-EPS-LOSS", false, 0, 4800, 6200),
        new Part("ENGINE", "高压油管 high-pressure fuel line", "ENG-FUEL-LEAK", false, 0, 600, 860),
    };
    private static final String[] SAFETY_FAULTS = {"BRAKE_FAILURE", "STEERING_FAILURE", "FUEL_LEAK"};

    /** Main parts of the 三包 assemblies (engine, transmission, traction battery, drive motor). */
    private static final Part[] ASSEMBLY_PARTS = {
        new Part("ENGINE", "凸轮轴 camshaft", "ENG-CAM-NOISE", true, 50, 4200, 32800),
        new Part("TRANSMISSION", "DCT双离合器 dual clutch", "TRN-CLUTCH-SLIP", true, 50, 6800, 24500),
        new Part("TRACTION_BATTERY", "动力电池包 traction battery pack", "BAT-CELL-IMBAL", true, 0, 52000, 88000),
        new Part("DRIVE_MOTOR", "驱动电机 drive motor", "EDU-MOTOR-NOISE", true, 0, 9000, 18000),
    };

    private static final Part[] CRASH_PARTS = {
        new Part("BODY", "前保险杠 front bumper", null, false, 70, 1200, 4100),
        new Part("BODY", "后保险杠 rear bumper", null, false, 70, 1200, 3000),
        new Part("BODY", "前机盖 bonnet", null, false, 60, 1260, 5600),
        new Part("BODY", "左前翼子板 LF wing", null, false, 70, 1300, 3400),
        new Part("BODY", "右前门 RF door", null, false, 60, 1900, 4600),
        new Part("BODY", "尾门 tailgate", null, false, 50, 2400, 5900),
        new Part("ELECTRICAL", "左前大灯总成 LF headlamp assembly", null, false, 0, 3000, 4850),
        new Part("ELECTRICAL", "前部驻车雷达 front parking sensor", null, false, 0, 900, 1650),
        new Part("GLASS", "前挡风玻璃 windscreen", null, false, 0, 1800, 4680),
        new Part("WHEEL_TYRE", "右前轮毂 RF rim", null, false, 0, 1800, 3280),
        new Part("SUSPENSION", "左前下摆臂 LF lower control arm", null, false, 0, 1100, 1850),
        new Part("AIR_CONDITIONING", "冷凝器 AC condenser", null, false, 0, 1200, 1980),
        new Part("ENGINE", "散热器 radiator", null, false, 0, 1500, 3200),
    };

    /** One claim line of {@code p}; {@code replaceOnly} forces {@code repairable: false}. */
    private static void line(Json j, SplittableRandom r, int n, Part p, String cause, boolean prior) {
        long replace = quote(r, p.minQuote(), p.maxQuote());
        boolean repairable = chance(r, p.repairablePercent());
        long repair = repairable ? Math.max(1000, replace * between(r, 25, 70) / 100 / 1000 * 1000) : 0;
        j.open().str("lineId", "L" + n).str("system", p.system()).str("part", p.part());
        if (p.problem() != null) {
            j.str("problem", p.problem());
        }
        if (p.main()) {
            j.bool("mainPart", true);
        }
        if (!repairable) {
            j.bool("repairable", false);
        }
        j.money("repairCostCny", repair).money("replaceCostCny", replace);
        if (cause != null) {
            j.str("cause", cause);
        }
        if (prior) {
            j.bool("priorRepairAtUnauthorizedShop", true);
        }
        j.close();
    }

    // ---- warranty ----------------------------------------------------------------------------------

    private static final class Warranty {
        private final SplittableRandom r;
        private final String id;

        Warranty(SplittableRandom r, String id) {
            this.r = r;
            this.id = id;
        }

        String json() {
            // approved, expired by time, by km, unauthorized shop, excluded cause, accident line, wear and
            // accessory lines, outside work, missing documents, 7-day, 60-day safety, assembly, repeated, breakdown
            int s = scenario(r, 34, 6, 4, 4, 4, 5, 8, 4, 8, 2, 2, 3, 4, 4);
            LocalDate submitted = LATEST.minusDays(r.nextInt(5 * 365));
            LocalDate occurred = submitted.minusDays(r.nextInt(4));
            long ageDays = switch (s) {
                case 1 -> between(r, 1100, 2100);
                case 9 -> between(r, 1, 7);
                case 10, 11 -> between(r, 8, 60);
                case 12 -> between(r, 500, 1000);
                case 13 -> between(r, 200, 1700);
                default -> between(r, 30, 1060);
            };
            long km = switch (s) {
                case 2 -> between(r, 100_500, 160_000);
                case 9 -> between(r, 50, 600);
                case 10, 11 -> between(r, 300, 2900);
                default -> Math.min(99_000, ageDays * between(r, 15, 80));
            };
            LocalDate delivered = occurred.minusDays(ageDays);
            boolean deliveredGiven = chance(r, 25);
            LocalDate purchased = deliveredGiven ? delivered.minusDays(between(r, 1, 8)) : delivered;
            boolean registered = chance(r, 40);

            Json j = new Json().open().str("claimId", id).str("type", "WARRANTY").date("submittedOn", submitted);
            j.open("vehicle").str("vin", vin(r)).date("purchasedOn", purchased);
            if (deliveredGiven) {
                j.date("deliveredOn", delivered);
            }
            j.num("odometerKm", km);
            if (s == 9 || s == 10 || s == 11 || chance(r, 93)) {
                j.money("priceCny", price(r, 79_900, 329_900));
            }
            if (s == 11 && chance(r, 15) || chance(r, 2)) {
                j.str("use", "COMMERCIAL");
            }
            if (registered) {
                j.bool("warrantyRegistered", true);
            }
            j.close();

            String cause = switch (s) {
                case 4 -> pick(r, new String[] {"MISUSE", "UNAUTHORIZED_MODIFICATION", "IMPROPER_MAINTENANCE"});
                case 13 -> "BREAKDOWN";
                default -> "QUALITY_DEFECT";
            };
            j.open("incident").date("occurredOn", occurred).str("cause", cause);
            int fault = r.nextInt(SAFETY_PARTS.length);
            if (s == 10) {
                j.strs("faults", List.of(SAFETY_FAULTS[fault]));
            }
            j.close();
            if (s == 3) {
                j.open("repairShop").str("id", "GZ-QX-0" + (100 + r.nextInt(900))).bool("authorized", false)
                        .str("tier", "INDEPENDENT").close();
            } else {
                j.open("repairShop").str("id", shop(r)).bool("authorized", true).str("tier", "DEALER_4S").close();
            }

            j.array("lines");
            Part first = switch (s) {
                case 9 -> ASSEMBLY_PARTS[2 + r.nextInt(2)];
                case 10 -> SAFETY_PARTS[fault];
                case 11 -> ASSEMBLY_PARTS[r.nextInt(2)];
                default -> pick(r, WARRANTY_PARTS);
            };
            if (s == 9) {
                first = new Part(first.system(), first.part(), first.problem(), true, 0, first.minQuote(), first.maxQuote());
            }
            line(j, r, 1, first, null, s == 7);
            int n = 1;
            if (s == 5) {
                line(j, r, ++n, pick(r, CRASH_PARTS), pick(r, new String[] {"COLLISION", "WHEEL_ONLY", "SCRATCH"}), false);
            } else if (s == 6) {
                line(j, r, ++n, WARRANTY_PARTS[WARRANTY_PARTS.length - 1 - r.nextInt(4)], null, false);
            } else if (s == 0 && chance(r, 25)) {
                line(j, r, ++n, pick(r, WARRANTY_PARTS), null, false);
            }
            j.end();

            List<String> docs = new ArrayList<>(List.of("REPAIR_ORDER"));
            boolean sanbao = s >= 9 && s <= 12;
            if (!registered || sanbao && chance(r, 90) || chance(r, 50)) {
                docs.add("WARRANTY_CARD");
            }
            if (sanbao || chance(r, 20)) {
                docs.add("PURCHASE_INVOICE");
            }
            if (s == 8) {
                docs.remove(r.nextInt(docs.size()));
                if (chance(r, 30)) {
                    docs.clear();
                }
            }
            j.strs("documents", docs);

            if (s == 12) {
                history(j, first, occurred, delivered);
            }
            if (chance(r, 20)) {
                j.open("extensions").str("dmsRoNo", "RO" + occurred.toString().replace("-", "").substring(2)
                        + (1000 + r.nextInt(9000))).close();
            }
            return j.close().toString();
        }

        /** Earlier repairs of the same problem: enough for a repeated-failure 三包 rule or just short of it. */
        private void history(Json j, Part p, LocalDate occurred, LocalDate delivered) {
            int visits = 2 + r.nextInt(4);
            long span = Math.max(visits + 1, occurred.toEpochDay() - delivered.toEpochDay() - 2);
            boolean replaced = chance(r, 40);
            boolean serious = chance(r, 25);
            j.array("history");
            for (int k = 0; k < visits; k++) {
                LocalDate on = delivered.plusDays(1 + span * (k + 1) / (visits + 1));
                j.open().date("repairedOn", on).str("system", p.system()).str("part", p.part())
                        .str("problem", p.problem() == null ? "GEN-FAULT" : p.problem())
                        .bool("replaced", replaced).bool("mainPart", p.main()).bool("assembly", replaced && chance(r, 30))
                        .bool("seriousSafety", serious).num("repairDays", between(r, 1, 12)).close();
            }
            j.end();
        }
    }

    // ---- insurance ---------------------------------------------------------------------------------

    private static final String[] PERILS = {"COLLISION", "COLLISION", "COLLISION", "COLLISION", "COLLISION",
        "COLLISION", "OVERTURN", "FALLING_OBJECT", "NATURAL_DISASTER", "GLASS_BREAKAGE", "WATER_INGRESS", "FIRE"};
    private static final String[] BASE_DOCS = {"CLAIM_APPLICATION", "POLICY", "DRIVING_LICENSE", "VEHICLE_LICENSE",
        "INSURED_ID", "LOSS_ASSESSMENT", "REPAIR_INVOICE"};

    private static final class Insurance {
        private final SplittableRandom r;
        private final String id;

        Insurance(SplittableRandom r, String id) {
            this.r = r;
            this.id = id;
        }

        String json() {
            // normal, not in force, no damage cover, time-barred, drunk, unlicensed/unpermitted/left,
            // inspection, not a peril, scratch/wheel, late notice, new policy, big loss, total loss,
            // re-assessment, theft, missing documents
            int s = scenario(r, 40, 3, 2, 1, 2, 2, 2, 3, 6, 4, 3, 3, 2, 4, 1, 10);
            LocalDate occurred = LATEST.minusDays(30 + r.nextInt(5 * 365 - 30));
            LocalDate submitted = s == 3 ? occurred.plusDays(between(r, 731, 900)) : occurred.plusDays(between(r, 1, 25));
            if (submitted.isAfter(LATEST)) {
                submitted = LATEST;
                occurred = s == 3 ? LATEST.minusDays(800) : occurred;
            }
            LocalDate delivered = occurred.minusDays(between(r, 60, 3000));
            long price = price(r, 79_900, 469_000);
            long sumInsured = price * between(r, 55, 95) / 100 / 100_000 * 100_000;

            Json j = new Json().open().str("claimId", id).str("type", "INSURANCE").date("submittedOn", submitted);
            j.open("vehicle").str("vin", vin(r)).date("purchasedOn", delivered)
                    .num("odometerKm", (occurred.toEpochDay() - delivered.toEpochDay()) * between(r, 20, 70))
                    .money("priceCny", price);
            if (s == 6) {
                j.bool("inspectionValid", false);
            }
            j.close();

            String cause = switch (s) {
                case 7 -> pick(r, new String[] {"QUALITY_DEFECT", "NORMAL_WEAR", "BREAKDOWN", "DELIBERATE"});
                case 8 -> pick(r, new String[] {"SCRATCH", "WHEEL_ONLY"});
                case 14 -> "THEFT";
                default -> pick(r, PERILS);
            };
            String handledBy = cause.equals("COLLISION") || cause.equals("OVERTURN")
                    ? pick(r, new String[] {"POLICE", "POLICE", "POLICE", "PRIVATE_SETTLEMENT", "PRIVATE_SETTLEMENT", "COURT"})
                    : cause.equals("THEFT") ? "POLICE" : "NONE";
            long rescue = chance(r, 10) ? quote(r, 300, 3000) : 0;
            j.open("incident").date("occurredOn", occurred);
            if (s == 9) {
                if (chance(r, 50)) {
                    j.str("occurredAt", occurred + "T" + (10 + r.nextInt(10)) + ":15")
                            .str("reportedAt", occurred.plusDays(3) + "T09:30");
                }
                j.date("reportedOn", occurred.plusDays(between(r, 3, 6)));
            } else {
                j.date("reportedOn", occurred);
            }
            j.str("cause", cause);
            if (!handledBy.equals("POLICE") || chance(r, 20)) {
                j.str("handledBy", handledBy);
            }
            if (s == 4) {
                j.open("driver").num("bacMgPer100ml", between(r, 20, 120)).close();
            } else if (s == 5) {
                String flag = pick(r, new String[] {"licensed", "permittedByInsured", "leftScene"});
                j.open("driver").bool(flag, flag.equals("leftScene")).close();
            }
            if (rescue > 0) {
                j.money("rescueCostCny", rescue);
            }
            if (chance(r, 5)) {
                j.money("thirdPartyRecoveryCny", quote(r, 500, 3000));
            }
            j.close();
            String shop = shop(r);
            j.open("repairShop").str("id", shop).bool("authorized", true).str("tier", "DEALER_4S").close();

            j.array("lines");
            int lines = s == 11 || s == 12 ? 4 : 1 + r.nextInt(3);
            for (int n = 1; n <= lines; n++) {
                Part p = pick(r, CRASH_PARTS);
                if (s == 11 || s == 12) {
                    long scale = s == 12 ? Math.max(30_000, sumInsured / 100 / 3) : 30_000;
                    p = new Part(p.system(), p.part() + " (严重损毁 severely damaged)", null, false, 0, scale, scale * 3 / 2);
                }
                line(j, r, n, p, null, false);
            }
            j.end();

            List<String> docs = new ArrayList<>(List.of(BASE_DOCS));
            switch (handledBy) {
                case "POLICE" -> docs.add("ACCIDENT_CERTIFICATE");
                case "PRIVATE_SETTLEMENT" -> docs.add("SETTLEMENT_AGREEMENT");
                case "COURT" -> docs.add("COURT_JUDGMENT");
                default -> { }
            }
            if (rescue > 0) {
                docs.add("RESCUE_RECEIPTS");
            }
            if (cause.equals("THEFT")) {
                docs.add("THEFT_REPORT");
            }
            boolean payShop = chance(r, 30);
            docs.add(payShop ? "PAYMENT_AUTHORIZATION" : "BANK_ACCOUNT");
            if (s == 15) {
                for (int k = 1 + r.nextInt(2); k > 0; k--) {
                    docs.remove(r.nextInt(docs.size()));
                }
            }
            j.strs("documents", docs);

            LocalDate starts = switch (s) {
                case 1 -> occurred.minusDays(between(r, 400, 700));
                case 10 -> occurred.minusDays(between(r, 0, 6));
                default -> occurred.minusDays(between(r, 8, 360));
            };
            j.open("policy").str("policyNo", "PDAA" + starts.getYear() + (10_000_000_000_000L + r.nextLong(90_000_000_000_000L)))
                    .date("startsOn", starts).date("endsOn", starts.plusYears(1).minusDays(1))
                    .strs("coverages", s == 2 ? List.of("THIRD_PARTY") : List.of("VEHICLE_DAMAGE", "THIRD_PARTY"));
            List<String> addOns = new ArrayList<>();
            if (chance(r, s == 8 ? 50 : 15)) {
                addOns.add("SCRATCH");
            }
            if (chance(r, s == 8 ? 50 : 10)) {
                addOns.add("WHEEL_ONLY_DAMAGE");
            }
            if (chance(r, 20)) {
                addOns.add("ROAD_ASSISTANCE");
            }
            j.strs("addOns", addOns).money("sumInsuredCny", sumInsured);
            int deductible = r.nextInt(100);
            if (deductible < 15) {
                j.raw("absoluteDeductibleRate", chance(r, 50) ? "0.05" : "0.10");
            } else if (deductible < 25) {
                j.money("absoluteDeductibleCny", pick(r, new Long[] {50_000L, 100_000L, 200_000L}));
            }
            j.close();

            if (s == 13) {
                j.open("assessment").str("shopId", shop(r));
                if (chance(r, 50)) {
                    j.money("invoicedCny", quote(r, 1000, 6000));
                }
                j.close();
            } else if (chance(r, 70)) {
                j.open("assessment").str("shopId", shop);
                if (chance(r, 40)) {
                    j.money("amountCny", quote(r, 1500, 12000));
                }
                j.close();
            }
            if (payShop) {
                j.str("payee", "REPAIR_SHOP");
            }
            if (chance(r, 30)) {
                j.open("extensions").str("reportNo", "RDAA" + occurred.getYear() + (100_000_000 + r.nextInt(900_000_000)))
                        .close();
            }
            return j.close().toString();
        }
    }

    // ---- assistance --------------------------------------------------------------------------------

    private static final class Assistance {
        private final SplittableRandom r;
        private final String id;

        Assistance(SplittableRandom r, String id) {
            this.r = r;
            this.id = id;
        }

        String json() {
            LocalDate occurred = LATEST.minusDays(r.nextInt(5 * 365));
            boolean young = chance(r, 40);
            long ageDays = young ? between(r, 20, 1080) : between(r, 1100, 4000);
            long km = young ? Math.min(99_000, ageDays * between(r, 15, 70)) : ageDays * between(r, 25, 70);
            LocalDate delivered = occurred.minusDays(ageDays);
            String cause = pick(r, new String[] {"BREAKDOWN", "BREAKDOWN", "BREAKDOWN", "QUALITY_DEFECT", "QUALITY_DEFECT",
                "COLLISION", "COLLISION", "WATER_INGRESS", "WHEEL_ONLY", "OVERTURN"});
            Json j = new Json().open().str("claimId", id).str("type", "ASSISTANCE")
                    .date("submittedOn", occurred.plusDays(r.nextInt(3) / 2));
            j.open("vehicle").str("vin", vin(r)).date("purchasedOn", delivered).num("odometerKm", km).close();
            j.open("incident").date("occurredOn", occurred).str("cause", cause).close();
            if (chance(r, 35)) {
                LocalDate starts = occurred.minusDays(between(r, chance(r, 85) ? 1 : 370, chance(r, 85) ? 360 : 700));
                j.open("policy").str("policyNo", "PDAA" + starts.getYear() + (10_000_000_000_000L
                                + r.nextLong(90_000_000_000_000L)))
                        .date("startsOn", starts).date("endsOn", starts.plusYears(1).minusDays(1))
                        .strs("coverages", chance(r, 90) ? List.of("VEHICLE_DAMAGE", "THIRD_PARTY") : List.of("THIRD_PARTY"))
                        .strs("addOns", chance(r, 30) ? List.of("ROAD_ASSISTANCE") : List.of())
                        .money("sumInsuredCny", price(r, 20_000, 300_000)).close();
            }
            boolean member = chance(r, 40);
            boolean tow = chance(r, 75);
            j.open("assistance").bool("member", member);
            if (member) {
                j.date("membershipValidUntil", occurred.plusDays(chance(r, 85) ? between(r, 0, 365) : -between(r, 1, 200)));
            }
            j.str("service", tow ? "TOW" : "ON_SITE");
            if (tow) {
                long tenths = between(r, 10, 800);
                j.raw("towKm", tenths % 10 == 0 || chance(r, 50) ? Long.toString(tenths / 10)
                        : tenths / 10 + "." + tenths % 10);
            } else {
                j.num("towKm", 0);
            }
            if (chance(r, 30)) {
                j.bool("insideFifthRing", false);
            }
            if (tow && chance(r, 20)) {
                j.money("highwayTollCny", quote(r, 10, 120));
            }
            j.close();
            if (chance(r, 40)) {
                j.open("extensions").str("caseNo", "RSA-" + pick(r, CITIES) + "-" + occurred.toString().replace("-", "")
                        + "-0" + (100 + r.nextInt(900))).close();
            }
            return j.close().toString();
        }
    }
}
