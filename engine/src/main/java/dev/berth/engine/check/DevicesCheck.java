package dev.berth.engine.check;

import dev.berth.answers.Answers;
import dev.berth.engine.target.TargetException;

/**
 * The devices the chosen features pass into containers (the VPN's /dev/net/tun, the GPU's
 * /dev/dri), and the LAN subnet the VPN must leave reachable.
 */
public final class DevicesCheck implements Check {
    static final String TUN = "/dev/net/tun";
    static final String DRI = "/dev/dri";

    record Inputs(boolean vpn, boolean hardwareTranscoding, String lanSubnet) {
    }

    @Override
    public String id() {
        return "devices";
    }

    @Override
    public String title() {
        return "Devices and network";
    }

    @Override
    public Object inputs(CheckInputs in) {
        return in.answers().map(a -> new Inputs(a.vpn().enabled(), a.storage().hardwareTranscoding(), a.vpn().lanSubnet()))
                .orElse(null);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
        Answers answers = ctx.requirePlan().answers();
        TargetFacts facts = ctx.facts();
        Findings f = new Findings(this);
        if (answers.vpn().enabled()) {
            if (ctx.target().files().stat(TUN).isPresent()) {
                f.pass(TUN + " is there for the VPN");
            } else {
                f.fail(TUN + " is missing: the VPN container cannot make its tunnel",
                        "sudo modprobe tun (to load it at every boot: echo tun | sudo tee /etc/modules-load.d/tun.conf)");
            }
        }
        if (answers.storage().hardwareTranscoding()) {
            if (ctx.target().files().stat(DRI).isPresent()) {
                f.pass(DRI + " is there for hardware transcoding");
            } else {
                f.warn(DRI + " is missing: the media server will transcode on the CPU instead of the GPU",
                        "Install the GPU's driver (Intel: sudo apt-get install intel-media-va-driver), or turn off hardware transcoding");
            }
        }
        CheckData.DetectedSubnet detected = facts.lanSubnet() == null ? null : new CheckData.DetectedSubnet(facts.lanSubnet());
        subnet(f, answers, facts.lanSubnet());
        String summary = answers.vpn().enabled() || answers.storage().hardwareTranscoding()
                ? "The devices are there" + (detected == null ? "" : "; LAN " + detected.cidr())
                : "No devices needed" + (detected == null ? "" : "; LAN " + detected.cidr());
        return f.result(summary).withData(detected);
    }

    private static void subnet(Findings f, Answers answers, String detected) {
        String chosen = answers.vpn().enabled() ? answers.vpn().lanSubnet() : null;
        if (detected == null) {
            if (chosen != null) {
                f.warn("Could not detect the LAN subnet to compare with " + chosen, "");
            }
            return;
        }
        if (chosen == null) {
            f.pass("LAN subnet " + detected);
        } else if (covers(chosen, detected)) {
            f.pass("LAN subnet " + detected + " is within the VPN's exception " + chosen);
        } else {
            f.warn("The VPN's LAN exception " + chosen + " does not cover this network, " + detected
                    + ": apps behind the VPN could not reach your home network",
                    "Use " + detected + " as the LAN subnet");
        }
    }

    private static boolean covers(String outer, String inner) {
        try {
            return Ipv4.contains(outer, inner);
        } catch (IllegalArgumentException e) {
            return false; // an IPv6 exception cannot cover an IPv4 network
        }
    }
}
