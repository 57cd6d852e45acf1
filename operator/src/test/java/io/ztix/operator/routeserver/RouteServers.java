package io.ztix.operator.routeserver;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ztix.api.common.SecretKeyRef;
import io.ztix.api.routeserver.BirdSpec;
import io.ztix.api.routeserver.PeeringAddresses;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import io.ztix.api.routeserver.RpkiSpec;
import io.ztix.api.routeserver.RtrServer;
import io.ztix.api.routeserver.SshSpec;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;

/** RouteServer resources pointing at the test's real sshd and lab BIRD. */
final class RouteServers {

    private RouteServers() {
    }

    static RouteServer labRouteServer(String namespace, String name, String network, OpenSshServer sshd, IxLab lab) {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        RouteServerSpec spec = new RouteServerSpec();
        spec.networkRef = network;
        spec.asn = LanPeer.ROUTE_SERVER.asn();
        spec.routerId = LanPeer.ROUTE_SERVER.routerId();
        spec.peeringAddresses = new PeeringAddresses();
        spec.peeringAddresses.ipv4 = LanPeer.ROUTE_SERVER.ipv4();
        spec.peeringAddresses.ipv6 = LanPeer.ROUTE_SERVER.ipv6();
        spec.ssh = new SshSpec();
        spec.ssh.host = sshd.host();
        spec.ssh.port = sshd.port();
        spec.ssh.user = sshd.user();
        spec.ssh.privateKeySecretRef = new SecretKeyRef("rs-ssh", "id_ed25519");
        spec.ssh.hostKey = sshd.hostPublicKey();
        spec.bird = new BirdSpec();
        spec.bird.configDirectory = lab.routeServer().configDir().toString();
        spec.bird.mainConfig = lab.routeServer().mainConfigFile().getFileName().toString();
        spec.bird.includeFile = lab.routeServer().includeFile().getFileName().toString();
        spec.bird.birdCommand = "/usr/sbin/bird";
        spec.bird.birdcCommand = "/usr/sbin/birdc";
        spec.bird.socket = lab.routeServer().socket().toString();
        spec.rpki = new RpkiSpec();
        spec.rpki.servers.add(new RtrServer(lab.stayrtr().host(), lab.stayrtr().port()));
        rs.setSpec(spec);
        return rs;
    }
}
