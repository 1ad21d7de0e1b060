// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Tributary reward token
/// @notice Contributors redeem EIP-712 vouchers signed by the collector. A voucher carries the
/// account's *cumulative* entitlement, so the contract only needs to remember how much each
/// account has already received: replaying a voucher pays nothing, and a newer voucher pays the
/// difference. No per-voucher nonce storage is needed.
/// @notice The token is also the community's vote (ERC20Votes, counted by the governor at each
/// proposal's snapshot block) and can be approved by signature (ERC20Permit). Vouchers and permits
/// share the EIP-712 domain {name: "Tributary Reward", version: "1"}.
contract RewardToken is ERC20, ERC20Permit, ERC20Votes, Ownable {
    bytes32 public constant CLAIM_TYPEHASH =
        keccak256("Claim(address account,uint256 cumulativeAmount,uint256 deadline)");

    /// @notice Key whose EIP-712 signatures the contract honours (the collector's voucher key).
    address public voucherSigner;

    /// @notice Total amount minted to each account through vouchers so far.
    mapping(address account => uint256 amount) public claimed;

    event Claimed(address indexed account, uint256 amount, uint256 cumulative);
    event VoucherSignerChanged(address indexed previousSigner, address indexed newSigner);

    error VoucherExpired(uint256 deadline, uint256 nowTimestamp);
    error NothingToClaim(uint256 cumulativeAmount, uint256 alreadyClaimed);
    error InvalidVoucherSignature();
    error ZeroVoucherSigner();

    constructor(address initialSigner)
        ERC20("Tributary Reward", "TRIB")
        ERC20Permit("Tributary Reward")
        Ownable(msg.sender)
    {
        _setVoucherSigner(initialSigner);
    }

    /// @notice Redeem a voucher issued to the caller.
    function claim(uint256 cumulativeAmount, uint256 deadline, bytes calldata signature)
        external
        returns (uint256 amount)
    {
        return _claim(msg.sender, cumulativeAmount, deadline, signature);
    }

    /// @notice Redeem a voucher on behalf of `account`. Anyone may submit it (e.g. the collector,
    /// so contributors need no ETH for gas), but the tokens always go to `account`.
    function claimFor(address account, uint256 cumulativeAmount, uint256 deadline, bytes calldata signature)
        external
        returns (uint256 amount)
    {
        return _claim(account, cumulativeAmount, deadline, signature);
    }

    /// @notice Rotate the voucher key. Vouchers signed by the previous key stop being honoured.
    function setVoucherSigner(address newSigner) external onlyOwner {
        _setVoucherSigner(newSigner);
    }

    /// @notice EIP-712 digest of a voucher, exposed so off-chain tooling can cross-check its encoding.
    function voucherDigest(address account, uint256 cumulativeAmount, uint256 deadline)
        public
        view
        returns (bytes32)
    {
        return _hashTypedDataV4(keccak256(abi.encode(CLAIM_TYPEHASH, account, cumulativeAmount, deadline)));
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function _claim(address account, uint256 cumulativeAmount, uint256 deadline, bytes calldata signature)
        private
        returns (uint256 amount)
    {
        if (block.timestamp > deadline) revert VoucherExpired(deadline, block.timestamp);

        (address recovered, ECDSA.RecoverError err,) =
            ECDSA.tryRecoverCalldata(voucherDigest(account, cumulativeAmount, deadline), signature);
        if (err != ECDSA.RecoverError.NoError || recovered != voucherSigner) revert InvalidVoucherSignature();

        uint256 already = claimed[account];
        if (cumulativeAmount <= already) revert NothingToClaim(cumulativeAmount, already);

        amount = cumulativeAmount - already;
        claimed[account] = cumulativeAmount;
        _mint(account, amount);
        emit Claimed(account, amount, cumulativeAmount);
    }

    function _setVoucherSigner(address newSigner) private {
        if (newSigner == address(0)) revert ZeroVoucherSigner();
        emit VoucherSignerChanged(voucherSigner, newSigner);
        voucherSigner = newSigner;
    }
}
