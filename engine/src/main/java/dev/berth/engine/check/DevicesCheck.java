package dev.berth.engine.check;

import dev.berth.answers.Answers;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.List;

/**
 * The devices the chosen features pass into containers (the VPN's /dev/net/tun, the GPU's
 * /dev/dri), and the LAN subnet the VPN must leave reachable.
 */
public final class DevicesCheck implements Check {
    static final String TUN = "/dev/net/tun";
    static final String DRI = "/dev/dri";

    /** @param driUsers the services the plan passes /dev/dri to (hardware transcoding) */
    record Inputs(boolean vpn, List<String> driUsers, String lanSubnet) {
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
        return in.plan().map(p -> new Inputs(p.answers().vpn().enabled(), servicesPassed(p, DRI), p.answers().vpn().lanSubnet()))
                .orElse(null);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
        StackPlan plan = ctx.requirePlan();
        Answers answers = plan.answers();
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
        // What the plan passes in, not the answer alone: Docker refuses to create a container whose
        // device is missing ("error gathering device information"), so a missing one must stop the
        // deploy here, before any change, rather than fail it half-way and roll back.
        List<String> dri = servicesPassed(plan, DRI);
        if (!dri.isEmpty()) {
            if (ctx.target().files().stat(DRI).isPresent()) {
                f.pass(DRI + " is there for hardware transcoding");
            } else {
                f.fail(DRI + " is missing: Docker cannot start " + String.join(", ", dri) + " with hardware transcoding on",
                        "Turn off hardware transcoding (the wizard's Storage page, or storage.hardwareTranscoding: false in "
                                + "the answers file), or make the GPU available: /dev/dri appears once its kernel driver is "
                                + "loaded (Intel: sudo modprobe i915; in a virtual machine, pass the GPU through)");
            }
        }
        CheckData.DetectedSubnet detected = facts.lanSubnet() == null ? null : new CheckData.DetectedSubnet(facts.lanSubnet());
        subnet(f, answers, facts.lanSubnet());
        String summary = answers.vpn().enabled() || answers.storage().hardwareTranscoding()
                ? "The devices are there" + (detected == null ? "" : "; LAN " + detected.cidr())
                : "No devices needed" + (detected == null ? "" : "; LAN " + detected.cidr());
        return f.result(summary).withData(detected);
    }

    /** The services the plan passes a host device to, e.g. /dev/dri for hardware transcoding. */
    static List<String> servicesPassed(StackPlan plan, String device) {
        return plan.services().stream()
                .filter(s -> s.devices().stream().anyMatch(d -> d.equals(device) || d.startsWith(device + ":")))
                .map(PlannedService::name).toList();
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
